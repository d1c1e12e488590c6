import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScenario } from '../../../../electron/lab'
import { D, probeSandbox, type ProbeSandbox } from './harness'

/** Probes against endpoints that hang, answer garbage or fail: a clear result in bounded time, never a crash. */
describe('probes against hostile endpoints', () => {
  let s: ProbeSandbox
  beforeAll(async () => {
    const scenario = structuredClone(loadScenario('demo'))
    Object.assign(scenario.web.hosts.api.routes, {
      '/hang': { status: 200, headers: {}, hang: true },
      '/garbage': { status: 200, headers: {}, hang: false, type: 'application/json', body: '{"answer": <<<not json' },
      '/broken': { status: 500, headers: {}, hang: false, body: 'Internal Server Error' },
    })
    s = await probeSandbox(scenario)
    // requests give up after 1.5 s here, so a hanging endpoint costs seconds, not minutes
    s.lab.profile.timeouts = { ...s.lab.profile.timeouts, requestMs: 1500 }
    await s.declare({
      endpoints: [
        { id: 'hang-login', kind: 'login', url: `https://api.${D}/hang` },
        { id: 'hang-ai', kind: 'ai', url: `https://api.${D}/hang`, body: '{"prompt":"{prompt}"}', answerPath: 'answer', canary: 'ACME-CANARY-7Q4Z' },
        { id: 'garbage-ai', kind: 'ai', url: `https://api.${D}/garbage`, body: '{"prompt":"{prompt}"}', answerPath: 'answer', canary: 'ACME-CANARY-7Q4Z' },
        { id: 'broken-ai', kind: 'ai', url: `https://api.${D}/broken`, body: '{"prompt":"{prompt}"}', answerPath: 'answer' },
      ],
    })
    await s.consent()
  })
  afterAll(() => s?.close())

  it('a hanging login endpoint ends the burst at its first request as an error', async () => {
    const r = (await s.audit(['abuse.rate-limit'])).checks[0]
    expect(r.summary).toMatch(/hang-login could not be reached/)
    expect(s.received(`api.${D}`, 'POST /hang')).toBeLessThanOrEqual(2)
  })

  it('AI endpoints that hang, answer garbage or fail: no leak claimed, each said plainly', async () => {
    const before = s.received(`api.${D}`, 'POST /hang')
    const r = (await s.audit(['ai.injection'])).checks[0]
    // an endpoint that answered no case is not judged: the result is an error, never a pass
    expect(r.status).toBe('error')
    expect(r.summary).toMatch(/^Not every AI endpoint could be probed: /)
    // the hanging one stops after its first case; garbage is judged as text; 500s are errors, not verdicts
    expect(s.received(`api.${D}`, 'POST /hang') - before).toBe(1)
    expect(r.summary).toMatch(/hang-ai held on 0 of 1 cases, 1 errored, 24 not run/)
    expect(r.summary).toMatch(/garbage-ai held on 25 of 25 cases/)
    expect(r.summary).toMatch(/broken-ai held on 0 of 25 cases, 25 errored, no canary planted: judged by heuristics/)
  })
})
