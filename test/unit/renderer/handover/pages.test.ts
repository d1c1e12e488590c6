import { describe, expect, it } from 'vitest'
import { pageForKey } from '../../../../renderer/src/screens/handover/pageState'
import { keepShown } from '../../../../renderer/src/store/handover'
import { fromBase64 } from '../../../../renderer/src/lib/bytes'

describe('page preview state', () => {
  it('moves between pages with the arrow keys, Home and End, without wrapping', () => {
    expect(pageForKey(0, 'ArrowDown', 5)).toBe(1)
    expect(pageForKey(0, 'ArrowRight', 5)).toBe(1)
    expect(pageForKey(3, 'ArrowUp', 5)).toBe(2)
    expect(pageForKey(3, 'ArrowLeft', 5)).toBe(2)
    expect(pageForKey(4, 'ArrowDown', 5)).toBe(4)
    expect(pageForKey(0, 'ArrowUp', 5)).toBe(0)
    expect(pageForKey(2, 'Home', 5)).toBe(0)
    expect(pageForKey(2, 'End', 5)).toBe(4)
    expect(pageForKey(2, 'a', 5)).toBeNull()
    expect(pageForKey(0, 'ArrowDown', 0)).toBeNull()
  })
})

describe('which bundle the handover screen shows', () => {
  it('keeps the shown bundle while it is listed, else shows the newest', () => {
    const list = [{ name: 'acme-2' }, { name: 'acme-1' }]
    expect(keepShown(list, 'acme-1')).toBe('acme-1')
    expect(keepShown(list, 'gone')).toBe('acme-2')
    expect(keepShown(list, null)).toBe('acme-2')
    expect(keepShown([], 'acme-1')).toBeNull()
  })

  it('decodes file bytes from base64 exactly', () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80])
    expect(Array.from(fromBase64(bytes.toString('base64')))).toEqual(Array.from(bytes))
  })
})
