import { describe, expect, it } from 'vitest'
import { bundleName, orderedItems } from '../../../../renderer/src/store/handover'

describe('handover helpers', () => {
  it('names a bundle by its folder, whatever the separator', () => {
    expect(bundleName('/w/bundles/acme-2026-01-01/')).toBe('acme-2026-01-01')
    expect(bundleName('C:\\\\w\\\\bundles\\\\acme')).toBe('acme')
  })

  it('puts failed verification items first, keeping their order otherwise', () => {
    const r = { ok: false, bundle: 'b', signer: null, expected: null, acceptances: [], items: [{ name: 'a', ok: true, detail: '' }, { name: 'b', ok: false, detail: '' }, { name: 'c', ok: true, detail: '' }, { name: 'd', ok: false, detail: '' }] }
    expect(orderedItems(r).map((i) => i.name)).toEqual(['b', 'd', 'a', 'c'])
    expect(r.items[0].name).toBe('a')
  })
})
