import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PROFILE } from '../../../electron/core/net/profile'
import { createProviderServices } from '../../../electron/core/providers'
import { judgePolicies, judgePrivilege } from '../../../electron/core/providers/cloudflare/permissions'
import { cfEnvelope, startFakeApi } from './fake-api'

const TOKEN = 'cf-test-token-abcdef123456'

describe('Cloudflare client (official SDK) against a loopback v4 API', () => {
  let api: Awaited<ReturnType<typeof startFakeApi>>
  beforeAll(async () => {
    api = await startFakeApi((_m, url, _b, headers) => {
      if (headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, json: { success: false, errors: [{ code: 10000, message: 'Authentication error' }], messages: [], result: null } }
      const p = url.pathname.replace('/client/v4', '')
      const page = Number(url.searchParams.get('page') ?? 1)
      if (p === '/user/tokens/verify') return cfEnvelope({ id: 'tok1', status: 'active' })
      if (p === '/zones') return cfEnvelope([{ id: 'z1', name: url.searchParams.get('name'), status: 'active', paused: false, name_servers: ['ada.ns.cloudflare.com'], account: { id: 'acc1', name: 'Launch Co' } }], { page: 1, per_page: 50, total_pages: 1, count: 1, total_count: 1 })
      if (p === '/zones/z1/dns_records') {
        // 120 records over three pages: the client must follow them all.
        const all = Array.from({ length: 120 }, (_, i) => ({ id: `r${i}`, type: 'A', name: `h${i}.shop.test`, content: '192.0.2.1', proxied: i % 2 === 0, proxiable: true }))
        return cfEnvelope(all.slice((page - 1) * 50, page * 50), { page, per_page: 50, total_pages: 3, count: 50, total_count: 120 })
      }
      if (p === '/zones/z1/settings/ssl') return [{ status: 429, headers: { 'retry-after': '0' }, json: { success: false, errors: [], messages: [], result: null } }, cfEnvelope({ id: 'ssl', value: 'strict' })]
      if (p === '/zones/z1/settings/waf') return { status: 404, json: { success: false, errors: [{ code: 1003, message: 'not found' }], messages: [], result: null } }
      if (p === '/zones/z1/settings/garbage') return { raw: '{"success": tr' }
      if (p === '/zones/z1/settings/boom') return { status: 500, raw: 'internal' }
      if (p === '/zones/z1/settings/slow') return { hang: true }
      return { status: 404, json: { success: false, errors: [{ code: 7003, message: 'No route' }], messages: [], result: null } }
    })
  })
  afterAll(() => api.close())

  const svc = (requestMs = 2000) => createProviderServices({ ...DEFAULT_PROFILE, providers: { cloudflare: `${api.base}/client/v4` }, timeouts: { ...DEFAULT_PROFILE.timeouts, requestMs } })

  it('verifies the token and finds the zone', async () => {
    const cf = svc().cloudflare(TOKEN)
    expect(await cf.verifyToken()).toEqual({ id: 'tok1', status: 'active', expiresOn: undefined })
    expect(await cf.findZone('shop.test')).toMatchObject({ id: 'z1', name: 'shop.test', accountId: 'acc1' })
  })
  it('follows page numbers through every DNS record', async () => {
    const records = await svc().cloudflare(TOKEN).dnsRecords('z1')
    expect(records).toHaveLength(120)
    expect(api.calls.filter((c) => c.path.startsWith('/client/v4/zones/z1/dns_records'))).toHaveLength(3)
  })
  it('retries a 429 and reads the setting; a 404 setting is null', async () => {
    const cf = svc().cloudflare(TOKEN)
    expect(await cf.setting('z1', 'ssl')).toBe('strict')
    expect(await cf.setting('z1', 'waf')).toBeNull()
  })
  it('maps a bad token, invalid JSON, 500 and a hang to typed errors', async () => {
    await expect(svc().cloudflare('wrong').verifyToken()).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/Cloudflare rejected the credential \(HTTP 401\)/) })
    await expect(svc().cloudflare(TOKEN).setting('z1', 'garbage')).rejects.toMatchObject({ kind: 'invalid_response' })
    await expect(svc().cloudflare(TOKEN).setting('z1', 'boom')).rejects.toMatchObject({ kind: 'server', status: 500 })
    await expect(svc(300).cloudflare(TOKEN).setting('z1', 'slow')).rejects.toMatchObject({ kind: 'timeout' })
  })
  it('never puts the token in an error message', async () => {
    const err = (await svc().cloudflare(TOKEN).setting('z1', 'boom').catch((e: unknown) => e)) as Error
    expect(err.message).not.toContain(TOKEN)
  })
})

describe('least-privilege judgement', () => {
  it('read-only grants and policies are least privilege', () => {
    expect(judgePrivilege([{ accountId: 'a', accountName: 'A', roles: ['Administrator Read Only'], permissions: { zones: { read: true, write: false } } }]).level).toBe('read-only')
    expect(judgePolicies([{ effect: 'allow', groups: ['Zone Read', 'DNS Read'], resources: ['com.cloudflare.api.account.zone.*'] }]).level).toBe('read-only')
  })
  it('zone edit is broader than needed; account-wide edit is the broad kind', () => {
    expect(judgePrivilege([{ accountId: 'a', accountName: 'A', roles: [], permissions: { zones: { read: true, write: true } } }]).level).toBe('zone-edit')
    expect(judgePrivilege([{ accountId: 'a', accountName: 'A', roles: [], permissions: { organization: { read: true, write: true } } }])).toMatchObject({ level: 'account-edit', accountWide: ['organization'] })
    expect(judgePolicies([{ groups: ['DNS Write'], resources: ['com.cloudflare.api.account.zone.*'] }]).level).toBe('zone-edit')
    expect(judgePolicies([{ groups: ['Account Settings Write'], resources: ['com.cloudflare.api.account.abc'] }]).level).toBe('account-edit')
    expect(judgePolicies([{ effect: 'deny', groups: ['Account Settings Write'], resources: ['com.cloudflare.api.account.abc'] }]).level).toBe('read-only')
  })
})
