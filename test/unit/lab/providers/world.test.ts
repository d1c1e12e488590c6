import { describe, expect, it } from 'vitest'
import { bearerToken, makeCanary, makeCredentials, stableId } from '../../../../electron/lab/providers/world'

describe('lab provider tokens and ids', () => {
  it('makes fresh provider-shaped tokens each time', () => {
    const a = makeCredentials()
    const b = makeCredentials()
    expect(a.cloudflare).toMatch(/^[\w-]{40}$/)
    expect(a.vercel).toMatch(/^[A-Za-z0-9]{24}$/)
    expect(a.netlify).toMatch(/^nfp_[A-Za-z0-9]{36}$/)
    for (const k of Object.keys(a)) expect(b[k]).not.toBe(a[k])
    expect(makeCanary()).toMatch(/^HANDOVER_CANARY_[0-9A-F]{16}$/)
  })
  it('derives stable ids from labels (reloads keep ids)', () => {
    expect(stableId('zone:a.example')).toBe(stableId('zone:a.example'))
    expect(stableId('zone:a.example')).toMatch(/^[0-9a-f]{32}$/)
    expect(stableId('zone:b.example')).not.toBe(stableId('zone:a.example'))
  })
  it('reads a Bearer token, case-insensitively, and nothing else', () => {
    expect(bearerToken({ authorization: 'Bearer abc' })).toBe('abc')
    expect(bearerToken({ authorization: 'bearer  abc ' })).toBe('abc')
    expect(bearerToken({ authorization: 'Basic abc' })).toBeUndefined()
    expect(bearerToken({})).toBeUndefined()
  })
})
