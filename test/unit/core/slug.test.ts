import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { confinedPath, safeSlug } from '../../../electron/core/files/slug'

describe('names derived from data', () => {
  it('safeSlug turns anything into one plain name', () => {
    expect(safeSlug('../../../../../../tmp/x/pwned')).toBe('tmp-x-pwned')
    expect(safeSlug('xn--bcher-caf-m4a5h.example')).toBe('xn--bcher-caf-m4a5h.example')
    expect(safeSlug('/etc/passwd')).toBe('etc-passwd')
    expect(safeSlug('a\\..\\b')).toBe('a-.-b')
    expect(safeSlug('....')).toBe('engagement')
    expect(safeSlug('C:\\Windows\u0000')).toBe('c-windows')
    expect(safeSlug('x'.repeat(500))).toHaveLength(80)
    for (const s of ['..', '.hidden', '-rf', 'a/b', 'ÿ']) expect(safeSlug(s)).toMatch(/^[a-z0-9][a-z0-9.-]*$/)
  })

  it('confinedPath keeps a name directly under its root', () => {
    expect(confinedPath('/w/bundles', 'acme.example-20260101-000000')).toBe(join('/w/bundles', 'acme.example-20260101-000000'))
    for (const bad of ['../x', 'a/b', '/etc', '..', '']) expect(() => confinedPath('/w/bundles', bad), bad).toThrow(/not a plain name/)
  })
})
