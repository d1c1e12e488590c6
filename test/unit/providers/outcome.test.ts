import { describe, expect, it } from 'vitest'
import { ProviderError } from '../../../electron/core/providers/errors'
import { safeExcerpt } from '../../../electron/core/providers/excerpt'
import { apiEvidence, firstUseful, missingCredential, providerFailure } from '../../../electron/core/providers/outcome'
import type { ProviderCredential } from '../../../electron/core/checks/types'

const cred = (provider: string): ProviderCredential => ({ id: provider, provider, label: provider, secret: `secret-of-${provider}-123` })
const creds = (...ps: string[]) => async (p: string) => (ps.includes(p) ? cred(p) : null)
const ok = (s: string) => ({ status: 'pass' as const, summary: s })
const none = () => ({ status: 'skip' as const, summary: 'none' })

describe('firstUseful: which provider an engagement uses', () => {
  it('no credential → skip naming what to add', async () => {
    expect(await firstUseful(creds(), ['vercel', 'netlify'], async () => 1, () => true, () => ok('x'), none)).toMatchObject({ status: 'skip', summary: expect.stringMatching(/No Vercel or Netlify credential/) })
  })
  it('takes the first useful snapshot, else the first loaded one', async () => {
    const load = async (c: ProviderCredential) => (c.provider === 'vercel' ? { n: 0 } : { n: 3 })
    expect(await firstUseful(creds('vercel', 'netlify'), ['vercel', 'netlify'], load, (s) => s.n > 0, (s, c) => ok(`${c.provider}:${s.n}`), none)).toEqual(ok('netlify:3'))
    expect(await firstUseful(creds('vercel'), ['vercel', 'netlify'], load, (s) => s.n > 0, (s, c) => ok(`${c.provider}:${s.n}`), none)).toEqual(ok('vercel:0'))
  })
  it('a provider error is an error result only when nothing else worked', async () => {
    const load = async (c: ProviderCredential) => {
      if (c.provider === 'vercel') throw new ProviderError('vercel', 'server', 'Vercel had a server error')
      return { n: 1 }
    }
    expect(await firstUseful(creds('vercel', 'netlify'), ['vercel', 'netlify'], load, () => true, () => ok('netlify'), none)).toEqual(ok('netlify'))
    expect(await firstUseful(creds('vercel'), ['vercel', 'netlify'], load, () => true, () => ok('x'), none)).toMatchObject({ status: 'error', summary: 'Vercel had a server error' })
  })
  it('every load null → the caller’s none()', async () => {
    expect(await firstUseful(creds('vercel'), ['vercel'], async () => null, () => true, () => ok('x'), none)).toEqual(none())
  })
  it('an unexpected exception is not swallowed', async () => {
    await expect(firstUseful(creds('vercel'), ['vercel'], async () => Promise.reject(new TypeError('bug')), () => true, () => ok('x'), none)).rejects.toThrow('bug')
    expect(() => providerFailure(new TypeError('bug'))).toThrow('bug')
  })
  it('missingCredential names each provider', () => {
    expect(missingCredential('cloudflare').summary).toMatch(/read-only Cloudflare API token/)
  })
})

describe('evidence excerpts never carry secrets', () => {
  it('drops secret-named fields and masks the credential anywhere', () => {
    const data = { key: 'STRIPE_SECRET_KEY', value: 'sk_live_abc', values: [{ context: 'all', value: 'x' }], nested: { note: 'token secret-of-vercel-123 inside', apiKey: 'k' } }
    expect(safeExcerpt(data, ['secret-of-vercel-123'])).toEqual({ key: 'STRIPE_SECRET_KEY', nested: { note: 'token [redacted] inside' } })
    expect(JSON.stringify(apiEvidence('x', data, cred('vercel')))).not.toMatch(/sk_live|secret-of-vercel/)
  })
  it('cuts long lists', () => {
    const out = safeExcerpt(Array.from({ length: 250 }, (_, i) => i)) as unknown[]
    expect(out).toHaveLength(201)
    expect(out[200]).toBe('… 50 more')
  })
})
