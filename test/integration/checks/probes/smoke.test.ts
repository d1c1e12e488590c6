import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoProbes } from '../../../../electron/cli/demo-probes'
import { runAudit } from '../../../../electron/core/checks/runner'
import { memoryCredentialSource } from '../../../../electron/core/vault/sources'
import { D, probeSandbox, type ProbeSandbox } from './harness'

const STAGING = `https://staging.${D}`

/** http.smoke on the demo's staging host: a sign-in flow that a scripted break makes fail and the fix makes pass again. */
describe('http.smoke', () => {
  let s: ProbeSandbox
  beforeAll(async () => {
    s = await probeSandbox()
  })
  afterAll(() => s?.close())

  it('skips with no flow declared', async () => {
    expect((await s.audit(['http.smoke'])).checks[0]).toMatchObject({ status: 'skip', summary: 'No smoke flow declared for this engagement.' })
  })

  it('passes, fails after the scripted break with every response as evidence, and passes after the fix', async () => {
    // the demo's own declaration: GET /login, POST /session (a form, to staging only), GET /dashboard
    await s.declare({ flows: demoProbes(D).flows })
    expect((await s.audit(['http.smoke'])).checks[0]).toMatchObject({ status: 'pass', summary: '"staging sign-in" (3 steps) passed' })
    expect(s.received(`staging.${D}`, 'POST /session')).toBe(1)

    await s.lab.applyFix('break-staging')
    const broken = (await s.audit(['http.smoke'])).checks[0]
    expect(broken).toMatchObject({ status: 'fail', summary: `"staging sign-in" failed at step 3 (GET ${STAGING}/dashboard: HTTP 500 without "Your projects", expected HTTP 200 with "Your projects")` })
    const steps = s.evidence('http.smoke-step')
    expect(steps.slice(-3).map((e) => e.label)).toEqual([
      `staging sign-in · step 1: GET ${STAGING}/login → HTTP 200 with "Sign in"`,
      `staging sign-in · step 2: POST ${STAGING}/session → HTTP 200 with "Welcome back"`,
      `staging sign-in · step 3: GET ${STAGING}/dashboard → HTTP 500 without "Your projects" (expected HTTP 200 with "Your projects")`,
    ])
    expect((steps.at(-1)!.data as { exchange: { status: number; bodyExcerpt: string } }).exchange).toMatchObject({ status: 500, bodyExcerpt: expect.stringContaining('Internal Server Error') })

    await s.lab.applyFix('fix-staging')
    expect((await s.audit(['http.smoke'])).checks[0]).toMatchObject({ status: 'pass' })
  })

  it('follows a deploy check: a run of host.deploy alone walks the flows right after it, naming the deployment', async () => {
    const credentials = memoryCredentialSource(Object.entries(s.lab.credentials).map(([provider, secret]) => ({ provider, secret })))
    const engagement = s.core.workspace.engagements.get(s.engagement.id)
    const deployRun = async () => runAudit({ workspace: s.core.workspace, events: s.core.events, engagement, profile: s.lab.profile, checkIds: ['host.deploy'], services: { credentials } })
    const r = await deployRun()
    expect(r.checks.map((c) => c.id)).toEqual(['host.deploy', 'http.smoke'])
    const deploy = r.checks[0]
    const id = /Production deployment (\S+)/.exec(deploy.summary)?.[1]
    expect(id, deploy.summary).toBeTruthy()
    // it names the deployment the deploy check saw, which it can know only once that check has finished
    expect(r.checks[1]).toMatchObject({ status: 'pass', summary: `After deployment ${id}: "staging sign-in" (3 steps) passed` })
    // with no flow declared, a deploy check runs alone (nothing to follow with)
    await s.declare({ flows: [] })
    expect((await deployRun()).checks.map((c) => c.id)).toEqual(['host.deploy'])
  })
})
