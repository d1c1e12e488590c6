import { afterAll, describe, expect, it } from 'vitest'
import { probeSandbox, type ProbeSandbox } from './harness'
import { runAudit } from '../../../../electron/core/checks/runner'
import { openWorkspace } from '../../../../electron/core/workspace'
import { startLab } from '../../../../electron/lab'
import { EventBus } from '../../../../electron/core/events'
import { tempDir } from '../../../helpers/tmp'

/** obs.error-tracking on the sandbox: the demo's Sentry with its release tag, the healthy site's Bugsnag; no consent needed (it reads what browsers download). */
describe('obs.error-tracking', () => {
  let s: ProbeSandbox | undefined
  afterAll(() => s?.close())

  it('demo: Sentry found with its release tag, its key public by design, and it feeds the access inventory', async () => {
    s = await probeSandbox()
    const r = await s.audit(['obs.error-tracking'])
    expect(r.checks[0]).toMatchObject({ status: 'pass', summary: 'Error tracking: Sentry (release acme-web@1.4.2); the Sentry key in the page is public by design, not a leak' })
    const inv = await s.call<{ system: string }[]>('prefillInventory', { engagementId: s.engagement.id })
    expect(inv.find((e) => e.system === 'error-tracking')).toMatchObject({ name: 'Sentry', loginUrl: 'https://sentry.io/', notes: expect.stringMatching(/public by design, not a leak\): 0a1b2c3d4e5f/) })
  })

  it('healthy: Bugsnag started in the same-site bundle with appVersion', async () => {
    const tmp = tempDir()
    const lab = await startLab('healthy')
    const ws = openWorkspace(tmp.dir)
    try {
      const engagement = ws.engagements.create({ domain: 'tidy.example', hosts: ['www'] })
      const r = await runAudit({ workspace: ws, events: new EventBus(), engagement, profile: lab.profile, checkIds: ['obs.error-tracking'] })
      expect(r.checks[0]).toMatchObject({ status: 'pass', summary: expect.stringMatching(/^Error tracking: Bugsnag \(release tidy@2\.3\.0\)/) })
    } finally {
      ws.close()
      await lab.close()
      tmp.cleanup()
    }
  })
})
