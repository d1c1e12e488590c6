import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check as access } from '../../../../electron/core/checks/cf/access'
import { check as cache } from '../../../../electron/core/checks/cf/cache'
import { check as proxy } from '../../../../electron/core/checks/cf/proxy'
import { check as security } from '../../../../electron/core/checks/cf/security'
import { check as tls } from '../../../../electron/core/checks/cf/tls'
import { check as token } from '../../../../electron/core/checks/cf/token'
import { check as zone } from '../../../../electron/core/checks/cf/zone'
import type { ProvidersInput } from '../../../../electron/lab/providers'
import { DOMAIN, outcomeText, sandbox, type Sandbox } from './harness'

const SUPER = 'Super Administrator - All Privileges'

const healthy: ProvidersInput = {
  cloudflare: {
    token: { policies: [{ permissionGroups: ['Zone Read', 'DNS Read', 'Zone Settings Read', 'Account Settings Read', 'API Tokens Read'], resources: { 'com.cloudflare.api.account.zone.*': '*' } }] },
    membershipRoles: ['Administrator Read Only'],
    members: [
      { email: 'founder@shop.test', roles: [SUPER] },
      { email: 'consultant@agency.test', roles: ['Administrator'] },
    ],
    zones: [
      {
        records: [
          { type: 'A', name: '@', content: '192.0.2.10', proxied: true },
          { type: 'CNAME', name: 'www', content: DOMAIN, proxied: true },
          { type: 'A', name: 'api', content: '192.0.2.11', proxied: true },
          { type: 'MX', name: '@', content: 'mx.mail.test', priority: 10 },
        ],
        rulesets: [
          { name: 'rl', phase: 'http_ratelimit', rules: [{ expression: '(http.request.uri.path matches "^/(login|signup|reset-password|api/)")', action: 'block', ratelimit: { period: 60 } }] },
          { name: 'cache', phase: 'http_request_cache_settings', rules: [{ expression: 'starts_with(http.request.uri.path, "/assets/")', action: 'set_cache_settings', action_parameters: { cache: true } }] },
        ],
      },
    ],
  },
}

const demo: ProvidersInput = {
  cloudflare: {
    members: [
      { email: 'founder@shop.test', roles: ['Administrator'] },
      { email: 'consultant@agency.test', roles: [SUPER] },
    ],
    zones: [
      {
        settings: { ssl: 'flexible' },
        records: [
          { type: 'A', name: '@', content: '192.0.2.10', proxied: true },
          { type: 'A', name: 'origin', content: '192.0.2.10', proxied: false },
        ],
        rulesets: [
          { name: 'cache', phase: 'http_request_cache_settings', rules: [{ description: 'Cache everything on /api', expression: 'starts_with(http.request.uri.path, "/api/")', action: 'set_cache_settings', action_parameters: { cache: true } }] },
        ],
      },
    ],
  },
}

describe('Cloudflare checks against the sandbox Cloudflare API', () => {
  let good: Sandbox
  let bad: Sandbox
  beforeAll(async () => {
    good = await sandbox(healthy)
    bad = await sandbox(demo)
  })
  afterAll(async () => {
    await good?.close()
    await bad?.close()
  })

  it('healthy: every cf.* check passes, and no token appears in any outcome', async () => {
    for (const c of [token, zone, proxy, tls, security, cache, access]) {
      const r = await good.run(c)
      expect({ id: c.meta.id, status: r.status, summary: r.summary }).toEqual({ id: c.meta.id, status: 'pass', summary: r.summary })
      expect(outcomeText(r)).not.toContain(good.credentials.cloudflare)
      expect(r.evidence?.length).toBeGreaterThan(0)
    }
  })

  it('demo: Flexible SSL, exposed origin, cached API, founder not owner, no rate limit, broad token', async () => {
    expect(await bad.run(tls)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/Flexible/) })
    expect(await bad.run(proxy)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/origin\.shop\.test/) })
    expect(await bad.run(cache)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/Cache everything on \/api/) })
    const a = await bad.run(access)
    expect(a).toMatchObject({ status: 'fail', details: { superAdministrators: ['consultant@agency.test'] } })
    expect(await bad.run(security)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/no rate-limit rule/) })
    // No policies readable: judged from the Administrator membership's grants.
    expect(await bad.run(token)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/account-wide/) })
  })

  it('skips with the credential to add when there is no Cloudflare token', async () => {
    const r = await good.run(zone, { only: [] })
    expect(r).toMatchObject({ status: 'skip', summary: expect.stringMatching(/No Cloudflare credential: add a read-only Cloudflare API token/) })
  })
})

describe('cf.zone and cf.token edge cases', () => {
  let s: Sandbox
  afterAll(() => s?.close())
  it('pending zone → fail; disabled token → fail; unlistable permissions → warn; no zone → cf.zone fail, others skip', async () => {
    s = await sandbox({ cloudflare: { zones: [{ status: 'pending' }] } })
    expect(await s.run(zone)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/pending/) })
    await s.close()
    s = await sandbox({ cloudflare: { token: { status: 'disabled' }, zones: [{}] } })
    expect(await s.run(token)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/disabled/) })
    // A disabled token is refused everywhere else: a clear error, not a crash.
    expect(await s.run(tls)).toMatchObject({ status: 'error', summary: expect.stringMatching(/rejected the credential \(HTTP 403\)/) })
    await s.close()
    s = await sandbox({ cloudflare: { zones: [{}] }, faults: [{ provider: 'cloudflare', path: '/memberships', status: 403 }] })
    expect(await s.run(token)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/permissions cannot be listed/) })
    await s.close()
    s = await sandbox({ cloudflare: { zones: [] } })
    expect(await s.run(zone)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/not a zone/) })
    expect((await s.run(tls)).status).toBe('skip')
  })

  it('a read-only token that expires in 14 days warns, naming the date; an over-broad one names both problems', async () => {
    const expiresOn = new Date(Date.now() + 14 * 86_400_000).toISOString()
    const policies = healthy.cloudflare!.token!.policies
    s = await sandbox({ cloudflare: { token: { expiresOn, policies }, zones: [{}] } })
    expect(await s.run(token)).toMatchObject({ status: 'warn', summary: expect.stringMatching(new RegExp(`^the token expires in 14 days \\(${expiresOn.slice(0, 10)}\\)`)) })
    await s.close()
    s = await sandbox({ cloudflare: { token: { expiresOn, policies: [{ permissionGroups: ['DNS Write'], resources: { 'com.cloudflare.api.account.zone.*': '*' } }] }, zones: [{}] } })
    expect(await s.run(token)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/DNS Write.*; the token expires in 14 days/) })
    await s.close()
    // Far from expiry: no finding.
    s = await sandbox({ cloudflare: { token: { expiresOn: new Date(Date.now() + 200 * 86_400_000).toISOString(), policies }, zones: [{}] } })
    expect((await s.run(token)).status).toBe('pass')
  })
})
