import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import '../../../../electron/core/providers'
import { getVerifier } from '../../../../electron/core/vault/verifiers'
import { sandbox, type Sandbox } from './harness'

describe('provider verifiers registered with the vault, against the sandbox', () => {
  let s: Sandbox
  beforeAll(async () => {
    s = await sandbox({
      cloudflare: { membershipRoles: ['Administrator Read Only'], zones: [{}] },
      vercel: { user: 'founder@shop.test' },
      netlify: { user: 'founder@shop.test' },
      uptimerobot: { email: 'founder@shop.test' },
      betterstack: { monitors: [] },
    })
  })
  afterAll(() => s.close())

  it('registers cloudflare, vercel, netlify, uptimerobot and betterstack', () => {
    for (const p of ['cloudflare', 'vercel', 'netlify', 'uptimerobot', 'betterstack']) expect(getVerifier(p)).toBeTypeOf('function')
  })
  it('Cloudflare: identity and read-only scopes from the verify endpoint and memberships', async () => {
    const r = await getVerifier('cloudflare')!(s.credentials.cloudflare, s.profile)
    expect(r.identity).toMatch(/^API token .+ \(Launch Co\)$/)
    expect(r.scopes).toContain('zones:read')
    expect(r.scopes.some((x) => x.endsWith(':write'))).toBe(false)
  })
  it('hosting and monitoring verifiers report the account', async () => {
    expect((await getVerifier('vercel')!(s.credentials.vercel, s.profile)).identity).toBe('founder@shop.test')
    expect((await getVerifier('netlify')!(s.credentials.netlify, s.profile)).identity).toBe('founder@shop.test')
    expect((await getVerifier('uptimerobot')!(s.credentials.uptimerobot, s.profile)).identity).toBe('founder@shop.test')
    expect((await getVerifier('betterstack')!(s.credentials.betterstack, s.profile)).identity).toMatch(/Better Stack/)
  })
  it('a wrong secret is rejected with a typed error', async () => {
    await expect(getVerifier('cloudflare')!('not-the-token', s.profile)).rejects.toMatchObject({ kind: 'auth' })
    await expect(getVerifier('vercel')!('not-the-token', s.profile)).rejects.toMatchObject({ kind: 'auth' })
    await expect(getVerifier('uptimerobot')!('not-the-key', s.profile)).rejects.toMatchObject({ kind: 'auth' })
  })
})
