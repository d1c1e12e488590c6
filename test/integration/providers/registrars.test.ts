import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { providersSchema, startProviders, type ProviderServer, type ProvidersInput } from '../../../electron/lab/providers'
import { createProviderServices, type ProviderServices } from '../../../electron/core/providers'
import { ProviderError } from '../../../electron/core/providers/errors'
import { DEFAULT_PROFILE, type NetworkProfile } from '../../../electron/core/net/profile'
import { getVerifier } from '../../../electron/core/vault/verifiers'
import type { RegistrarId } from '../../../electron/core/providers/registrar'

/**
 * Each registrar fake answers the requests, paging, errors and rate limits its provider
 * documents, and our clients read them: the account that holds the domain, auto-renew, lock,
 * expiry, nameservers, privacy, contacts, and 2FA where the API tells.
 */
const DOMAIN = 'shop.example'
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `d${String(i).padStart(4, '0')}.example` }))
const holder = (email: string, extra = {}) => ({ user: 'shopowner', email, ...extra })
const domain = { name: DOMAIN, autoRenew: false, locked: true, expiresInDays: 30, nameservers: ['ns1.dnshost.example', 'ns2.dnshost.example'], privacy: true, contacts: { registrant: { name: 'Ada Founder', organization: 'Shop Ltd', email: 'ada@shop.example' } } }

const spec: ProvidersInput = {
  cloudflare: {
    account: { name: 'Shop Co' },
    members: [{ email: 'ada@shop.example', roles: ['Super Administrator - All Privileges'], twoFactor: true }],
    registrations: [{ name: DOMAIN, autoRenew: true, locked: true, expiresInDays: 300 }],
    zones: [{ name: DOMAIN, nameServers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'] }],
  },
  porkbun: holder('ada@shop.example', { domains: [...many(1000), domain] }),
  namecheap: holder('contractor@agency.example', { domains: [...many(150), domain] }),
  godaddy: holder('ada@shop.example', { domains: [...many(130), domain] }),
  gandi: holder('ada@shop.example', { organization: { name: 'Agency Ltd', email: 'billing@agency.example' }, domains: [...many(120), domain] }),
  faults: [
    { provider: 'porkbun', path: '/ping', status: 429, retryAfter: 1, times: 1 },
    { provider: 'godaddy', path: '/v1/domains/busy.example', status: 429, retryAfter: 30 },
    { provider: 'gandi', path: '/domain/domains/broken.example', status: 503 },
  ],
}

let lab: ProviderServer
let providers: ProviderServices
let profile: NetworkProfile
beforeAll(async () => {
  lab = await startProviders(providersSchema.parse(spec), { domains: [DOMAIN] })
  profile = { ...DEFAULT_PROFILE, providers: lab.urls, timeouts: { ...DEFAULT_PROFILE.timeouts, requestMs: 5000 } }
  providers = createProviderServices(profile)
})
afterAll(async () => {
  await providers?.close()
  await lab?.close()
})

const client = (r: RegistrarId, secret?: string) => providers.registrar(r, secret ?? lab.credentials[r === 'cloudflare' ? 'cloudflare' : `registrar-${r}`])
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(() => undefined, (x: unknown) => x)
  expect(e).toBeInstanceOf(ProviderError)
  return e as ProviderError
}

describe('registrar clients against the sandbox fakes', () => {
  it('Porkbun: listAll pages past 1000 domains; lock, auto-renew, privacy, nameservers; no account e-mail', async () => {
    const d = await client('porkbun').domain(DOMAIN)
    expect(d).toMatchObject({ registrar: 'porkbun', autoRenew: false, locked: true, privacy: true, nameservers: ['ns1.dnshost.example', 'ns2.dnshost.example'], account: { emails: [], twoFactor: null } })
    expect(Date.parse(d!.expiresAt!) - Date.now()).toBeGreaterThan(29 * 86_400_000)
    expect(await client('porkbun').domain('absent.example')).toBeNull()
  })

  it('Porkbun: a bad key is "Invalid API key" (auth); a 429 with Retry-After is waited out', async () => {
    expect((await client('porkbun').whoami()).identity).toMatch(/Porkbun API key/)
    const e = await failure(client('porkbun', 'pk1_wrong:sk1_wrong').whoami())
    expect(e.kind).toBe('auth')
    expect(e.message).toMatch(/Invalid API key/)
    expect((await failure(Promise.resolve().then(() => client('porkbun', 'not-two-parts').whoami()))).message).toMatch(/APIKEY:SECRETAPIKEY/)
  })

  it('Namecheap: XML getList (paged, searched), getInfo, getContacts and the account address name the holder', async () => {
    const d = await client('namecheap').domain(DOMAIN)
    expect(d).toMatchObject({ registrar: 'namecheap', account: { name: 'shopowner', emails: ['contractor@agency.example'] }, autoRenew: false, locked: true, privacy: true, nameservers: ['ns1.dnshost.example', 'ns2.dnshost.example'] })
    expect(d!.contacts.find((c) => c.role === 'registrant')).toMatchObject({ email: 'ada@shop.example', organization: 'Shop Ltd' })
    expect(await client('namecheap').domain('absent.example')).toBeNull()
  })

  it('Namecheap: error 1011102 for a bad key and 1011150 for an IP that is not whitelisted', async () => {
    const [user, key] = lab.credentials['registrar-namecheap'].split(':')
    const bad = await failure(client('namecheap', `${user}:${'0'.repeat(32)}:127.0.0.1`).whoami())
    expect(bad).toMatchObject({ kind: 'auth' })
    expect(bad.message).toMatch(/1011102/)
    expect((await failure(client('namecheap', `${user}:${key}:203.0.113.9`).whoami())).message).toMatch(/1011150.*Invalid request IP/)
  })

  it('GoDaddy: sso-key auth, marker paging, the domain detail with contacts; 404 means not this account', async () => {
    expect((await client('godaddy').whoami()).identity).toMatch(/131 active domains/)
    const d = await client('godaddy').domain(DOMAIN)
    expect(d).toMatchObject({ registrar: 'godaddy', autoRenew: false, locked: true, privacy: true })
    expect(JSON.stringify(d!.raw)).not.toMatch(/"authCode":"[0-9a-f]/)
    expect(await client('godaddy').domain('absent.example')).toBeNull()
    const e = await failure(client('godaddy', 'wrong:key').whoami())
    expect(e.kind).toBe('auth')
    expect(e.message).toMatch(/UNABLE_TO_AUTHENTICATE/)
  })

  it('GoDaddy: a Retry-After longer than the retry budget ends as rate_limited, naming the wait', async () => {
    const e = await failure(client('godaddy').domain('busy.example'))
    expect(e.kind).toBe('rate_limited')
    expect(e.message).toMatch(/asked to wait 30 s/)
  })

  it('Gandi: Bearer PAT; the sharing space is an organisation whose e-mail is the holder; DNSSEC keys; paging with Total-Count', async () => {
    const d = await client('gandi').domain(DOMAIN)
    expect(d).toMatchObject({ registrar: 'gandi', account: { name: 'Agency Ltd', emails: ['billing@agency.example'] }, autoRenew: false, locked: true, dnssec: false })
    expect(JSON.stringify(d!.raw)).not.toMatch(/"authinfo":"[0-9a-f]/)
    expect((await failure(client('gandi', 'wrong-token').whoami())).kind).toBe('auth')
    expect((await failure(client('gandi').domain('broken.example'))).kind).toBe('server')
  })

  it('Cloudflare Registrar: the registration in the token’s account, held by its Super Administrators (2FA on)', async () => {
    const d = await client('cloudflare').domain(DOMAIN)
    expect(d).toMatchObject({ registrar: 'cloudflare', account: { name: 'Shop Co', emails: ['ada@shop.example'], twoFactor: true }, autoRenew: true, locked: true, privacy: true, nameservers: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'] })
    expect(await client('cloudflare').domain('absent.example')).toBeNull()
  })

  it('the vault verifies each registrar credential through its API, and a revoked key stops verifying', async () => {
    for (const p of ['registrar-porkbun', 'registrar-namecheap', 'registrar-godaddy', 'registrar-gandi']) {
      const v = getVerifier(p)!
      expect((await v(lab.credentials[p], profile)).identity, p).toBeTruthy()
      const fresh = lab.issueCredential(p)
      expect((await v(fresh, profile)).identity, `${p} new key`).toBeTruthy()
      lab.revokeCredential(p, fresh)
      expect((await failure(v(fresh, profile))).kind, `${p} revoked`).toBe('auth')
    }
  })
})
