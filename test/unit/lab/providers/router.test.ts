import { describe, expect, it } from 'vitest'
import { faultMatches, globMatch, matchPattern } from '../../../../electron/lab/providers/router'
import { faultSchema, providersSchema } from '../../../../electron/lab/providers/schema'

describe('matchPattern', () => {
  it('binds :params and needs the same number of segments', () => {
    expect(matchPattern('/zones/:zone/settings/:setting', '/zones/abc/settings/ssl')).toEqual({ zone: 'abc', setting: 'ssl' })
    expect(matchPattern('/zones/:zone', '/zones/abc/settings')).toBeUndefined()
    expect(matchPattern('/zones/:zone', '/accounts/abc')).toBeUndefined()
    expect(matchPattern('/v9/projects/:id', '/v9/projects/my%20app')).toEqual({ id: 'my app' })
  })
})

describe('globMatch', () => {
  it('* is one segment, ** one or more trailing segments', () => {
    expect(globMatch('/zones/*', '/zones/abc')).toBe(true)
    expect(globMatch('/zones/*', '/zones/abc/dns_records')).toBe(false)
    expect(globMatch('/zones/**', '/zones/abc/dns_records')).toBe(true)
    expect(globMatch('/zones/**', '/zones')).toBe(false)
    expect(globMatch('/zones', '/zones')).toBe(true)
    expect(globMatch('/zones', '/zones/abc')).toBe(false)
  })
})

describe('faultMatches', () => {
  const f = (x: object) => faultSchema.parse(x)
  it('filters by provider, method and path', () => {
    expect(faultMatches(f({ status: 500 }), 'vercel', 'GET', '/v9/projects')).toBe(true)
    expect(faultMatches(f({ provider: 'cloudflare', status: 500 }), 'vercel', 'GET', '/v9/projects')).toBe(false)
    expect(faultMatches(f({ method: 'POST', status: 500 }), 'vercel', 'GET', '/v9/projects')).toBe(false)
    expect(faultMatches(f({ path: '/v9/projects/*', status: 500 }), 'vercel', 'GET', '/v9/projects/x')).toBe(true)
  })
})

describe('providersSchema', () => {
  it('fills defaults and parses its own output again (scenarios round-trip)', () => {
    const once = providersSchema.parse({ cloudflare: { zones: [{ records: [{ type: 'A', name: '@', content: '192.0.2.1' }] }] } })
    expect(once.cloudflare?.zones?.[0].settings).toMatchObject({ ssl: 'strict', min_tls_version: '1.2' })
    expect(providersSchema.parse(once)).toEqual(once)
  })
  it('rejects typos with the key named', () => {
    const r = providersSchema.safeParse({ cloudflare: { zones: [{ setings: {} }] } })
    expect(r.success).toBe(false)
    expect(JSON.stringify(r.error?.issues)).toContain('setings')
  })
})
