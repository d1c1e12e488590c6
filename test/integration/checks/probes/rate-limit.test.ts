import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeState } from '@shared/contract/probes'
import { DEMO_ENDPOINTS as EP, D, probeSandbox, type ProbeSandbox } from './harness'

/**
 * abuse.rate-limit on the demo, through the contract: without consent nothing is sent (the
 * sandbox counts what it received); with consent the unlimited login fails after 30 requests and
 * the limited one passes at its limit; the consent is chained and evidence verify agrees.
 */
describe('abuse.rate-limit and the probe gate', () => {
  let s: ProbeSandbox
  beforeAll(async () => {
    s = await probeSandbox()
    await s.declare({ endpoints: [EP.appLogin, EP.apiLogin, EP.assist] })
  })
  afterAll(() => s?.close())

  const sent = () => ({ app: s.received(`app.${D}`, 'POST /api/login'), api: s.received(`api.${D}`, 'POST /auth/login'), ai: s.received(`api.${D}`, 'POST /v1/assist') })

  it('without consent, neither probe sends a request: both skip and the sandbox received nothing', async () => {
    const r = await s.audit(['abuse.rate-limit', 'ai.injection'])
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['abuse.rate-limit', 'skip'],
      ['ai.injection', 'skip'],
    ])
    expect(r.checks[0].summary).toMatch(/No consent recorded for probes: abuse\.rate-limit sent no request/)
    expect(sent()).toEqual({ app: 0, api: 0, ai: 0 })
  })

  it('consent is recorded as a chained fact: who, when, which endpoints, which limits', async () => {
    await s.consent({ endpointIds: ['app-login', 'api-login'] })
    const st = await s.call<ProbeState>('probeState', { engagementId: s.engagement.id })
    expect(st.consent).toMatchObject({ givenBy: 'Ada Founder', recordedBy: 'Casey Consultant', limits: { maxRequests: 30, perSecond: 10 }, revokedAt: null })
    expect(st.consent!.endpoints.map((e) => e.id)).toEqual(['app-login', 'api-login'])
    const items = s.evidence('probe.consent')
    expect(items).toHaveLength(1)
    expect(items[0].label).toMatch(/^Probe consent by Ada Founder: app-login, api-login \(≤30 requests, ≤10\/s\)/)
  })

  it('with consent: the unlimited login fails after 30 requests, the limited one passes at 5; only consented endpoints are probed', async () => {
    const r = await s.audit(['abuse.rate-limit'])
    const c = r.checks[0]
    expect(c.status).toBe('fail')
    expect(c.summary).toMatch(/app-login answered all 30 requests \(HTTP 401\) with no limit/)
    expect(c.summary).toMatch(/api-login limited after 5 requests \(HTTP 429, Retry-After 60 s\)/)
    expect(sent()).toEqual({ app: 30, api: 6, ai: 0 })
    const ev = s.evidence('probe.burst')
    expect(ev).toHaveLength(2)
    const data = (label: string) => ev.find((i) => i.label.startsWith(label))!.data as { requests: { n: number; status: number }[] }
    expect(data('app-login').requests.map((q) => q.status)).toEqual(Array(30).fill(401))
    expect(data('api-login').requests.map((q) => q.status)).toEqual([401, 401, 401, 401, 401, 429])
  })

  it('evidence verify agrees with the consent table; a row edited outside the app is named', async () => {
    expect(await s.call('verifyEvidence', { id: s.engagement.id })).toMatchObject({ ok: true })
    s.core.workspace.db.prepare("UPDATE probe_consents SET given_by = 'Someone Else'").run()
    const v = await s.call<{ ok: boolean; reason: string }>('verifyEvidence', { id: s.engagement.id })
    expect(v).toMatchObject({ ok: false, reason: expect.stringMatching(/probe consent by Someone Else .*givenBy is "Someone Else" in the table but "Ada Founder" in evidence item/) })
    s.core.workspace.db.prepare("UPDATE probe_consents SET given_by = 'Ada Founder'").run()
  })

  it('lower limits in the consent bound the burst; a revoked consent sends nothing again', async () => {
    await s.consent({ endpointIds: ['app-login'], limits: { maxRequests: 8, perSecond: 5 } })
    const before = sent()
    const r = await s.audit(['abuse.rate-limit'])
    expect(r.checks[0].summary).toMatch(/app-login answered all 8 requests/)
    expect(sent().app - before.app).toBe(8)
    await s.call('revokeProbeConsent', { engagementId: s.engagement.id, by: 'Casey Consultant' })
    const after = sent()
    const again = await s.audit(['abuse.rate-limit'])
    expect(again.checks[0].status).toBe('skip')
    expect(sent()).toEqual(after)
    expect(await s.call('verifyEvidence', { id: s.engagement.id })).toMatchObject({ ok: true })
  })

  it('an endpoint changed after the consent is not probed until consent is recorded again', async () => {
    await s.consent({ endpointIds: ['app-login'] })
    await s.declare({ endpoints: [{ ...EP.appLogin, url: `https://app.${D}/api/v2/login` }, EP.apiLogin, EP.assist] })
    const before = sent()
    const r = await s.audit(['abuse.rate-limit'])
    expect(r.checks[0]).toMatchObject({ status: 'skip', summary: expect.stringMatching(/app-login changed since the consent: record it again/) })
    expect(sent()).toEqual(before)
    expect(s.received(`app.${D}`, 'POST /api/v2/login')).toBe(0)
  })

  it('declarations refuse endpoints off the engagement’s domain and form posts to production hosts', async () => {
    await expect(s.declare({ endpoints: [{ id: 'x', kind: 'login', url: 'https://victim.example/login' }] })).rejects.toThrow(/not on acme-launch\.example/)
    await expect(s.declare({ flows: [{ name: 'f', steps: [{ url: `https://app.${D}/login`, method: 'POST', form: { a: 'b' } }] }] })).rejects.toThrow(/forms are posted only to a host declared as staging/)
    await expect(s.consent({ endpointIds: ['nope'] })).rejects.toThrow(/no declared endpoint is named "nope"/)
  })
})
