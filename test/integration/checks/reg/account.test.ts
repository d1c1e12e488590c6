import { afterAll, describe, expect, it } from 'vitest'
import { check } from '../../../../electron/core/checks/reg/account'
import type { ProvidersInput } from '../../../../electron/lab/providers'
import { CF_NS, DOMAIN, engagement, sandbox, type Sandbox } from '../cf/harness'

/** reg.account through each registrar's API in the sandbox, and the RDAP + verdict fallback. */
const rdap = (name: string, ianaId: string) => ({ rdap: { domains: [{ registrar: { name, ianaId }, nameservers: CF_NS }] } })
const mine = { name: DOMAIN, nameservers: CF_NS }

describe('reg.account', () => {
  let s: Sandbox | undefined
  afterAll(() => s?.close())
  const start = async (spec: ProvidersInput) => {
    await s?.close()
    return (s = await sandbox(spec))
  }

  it('pass: the founder’s Gandi account (its e-mail is the founder’s) holds it, auto-renew and lock on', async () => {
    const r = await (await start({ ...rdap('Gandi SAS', '81'), gandi: { user: 'fay', email: 'founder@shop.test', domains: [mine] } })).run(check)
    expect(r).toMatchObject({ status: 'pass', details: { source: 'registrar-api', founderControls: true, decidedBy: 'email', inventory: { system: 'registrar', name: 'Gandi', ownerAccount: 'founder@shop.test (fay)' } } })
  })

  it('fail: an agency’s Namecheap account holds it, named with its e-mail; auto-renew off near expiry', async () => {
    const r = await (await start({ ...rdap('NameCheap, Inc.', '1068'), namecheap: { user: 'agency', email: 'ops@agency.test', domains: [{ ...mine, autoRenew: false, expiresInDays: 30 }] } })).run(check)
    expect(r.status).toBe('fail')
    expect(r.summary).toMatch(/^The domain shop\.test is held in the Namecheap account "agency" \(ops@agency\.test\), not the founder's \(founder@shop\.test\); auto-renew is off and it expires in (29|30) days/)
  })

  it('Cloudflare Registrar: held by the account’s Super Administrators; two-factor off warns', async () => {
    const cf = { account: { name: 'Shop' }, members: [{ email: 'founder@shop.test', roles: ['Super Administrator - All Privileges'] }], registrations: [mine], zones: [{ name: DOMAIN }] }
    const r = await (await start({ ...rdap('Cloudflare, Inc.', '1910'), cloudflare: cf })).run(check)
    expect(r).toMatchObject({ status: 'warn', summary: expect.stringMatching(/two-factor sign-in is off/i) })
  })

  it('Porkbun names no holder: warn until a person records a verdict, then the verdict decides', async () => {
    const spec = { ...rdap('Porkbun LLC', '1861'), porkbun: { domains: [mine] } }
    const sb = await start(spec)
    expect(await sb.run(check)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/API does not name who holds/) })
    const verdict = (founderControls: boolean) => ({ registrarVerdict: () => ({ holder: 'founder@shop.test', founderControls, by: 'Casey', note: 'screen share', recordedAt: '2026-01-02T10:00:00Z' }) })
    expect(await sb.run(check, { recorded: verdict(true) })).toMatchObject({ status: 'pass', details: { decidedBy: 'verdict' } })
    expect((await sb.run(check, { recorded: verdict(false) })).status).toBe('fail')
  })

  it('fail: RDAP names GoDaddy but the GoDaddy account of the stored key does not hold it', async () => {
    const r = await (await start({ ...rdap('GoDaddy.com, LLC', '146'), godaddy: { domains: [{ name: 'other.test' }] } })).run(check)
    expect(r).toMatchObject({ status: 'fail', summary: expect.stringMatching(/registered at GoDaddy\.com, LLC \(RDAP\) but is not in the GoDaddy account/) })
  })

  it('no API here: RDAP plus a recorded verdict, and the result says so', async () => {
    const sb = await start(rdap('Lab Names, LLC', '9998'))
    const none = await sb.run(check)
    expect(none).toMatchObject({ status: 'warn', details: { source: 'rdap+manual' }, summary: expect.stringMatching(/Lab Names, LLC has no API here.*nobody has recorded who holds/) })
    const v = await sb.run(check, { recorded: { registrarVerdict: () => ({ holder: 'contractor@agency.test', founderControls: false, by: 'Casey', note: '', recordedAt: '2026-01-02T10:00:00Z' }) } })
    expect(v).toMatchObject({ status: 'fail', summary: expect.stringMatching(/held by contractor@agency\.test, not the founder.*judged by RDAP and that verdict/) })
  })

  it('no founder e-mail on the engagement: warns, naming the holder', async () => {
    const sb = await start({ ...rdap('Gandi SAS', '81'), gandi: { user: 'fay', email: 'someone@shop.test', domains: [mine] } })
    expect(await sb.run(check, { engagement: engagement({ founderEmail: '' }) })).toMatchObject({ status: 'warn', summary: expect.stringMatching(/no founder e-mail/) })
  })

  it('error: the registrar API rate-limits past the retry budget', async () => {
    const r = await (await start({ ...rdap('Gandi SAS', '81'), gandi: { domains: [mine] }, faults: [{ provider: 'gandi', status: 429, retryAfter: 60 }] })).run(check)
    expect(r).toMatchObject({ status: 'error', summary: expect.stringMatching(/Gandi rate-limited/) })
  })
})
