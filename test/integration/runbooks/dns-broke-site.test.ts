import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAudit } from '../../../electron/core/checks/runner'
import { EventBus } from '../../../electron/core/events'
import { RunbookRunner, type RunChecks } from '../../../electron/core/runbooks/runner'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { loadScenario, startLab, type Lab } from '../../../electron/lab'
import { tempDir } from '../../helpers/tmp'

let lab: Lab
let ws: Workspace
let cleanup: () => void

beforeAll(async () => {
  // The healthy scenario with one DNS mistake: the A record of app.tidy.example was deleted.
  const s = structuredClone(loadScenario('healthy')) as unknown as {
    dns: { zones: Record<string, { records: { name: string; type: string; data: unknown }[] }> }
    fixes?: Record<string, unknown>
  }
  const zone = s.dns.zones['tidy.example']
  const app = zone.records.find((r) => r.name === 'app' && r.type === 'A')!
  zone.records = zone.records.filter((r) => r !== app)
  s.fixes = { 'restore-app': { dns: { zones: { 'tidy.example': { records: [app] } } } } }
  lab = await startLab(s as never)
  const t = tempDir()
  cleanup = t.cleanup
  ws = openWorkspace(t.dir)
  ws.engagements.create({ domain: 'tidy.example', hosts: ['www', 'app', 'api'] } as never)
})
afterAll(async () => {
  ws.close()
  await lab.close()
  cleanup()
})

describe('runbook "A DNS change broke the site" against the sandbox', () => {
  it('verify fails while the record is missing and passes after the fix', async () => {
    const e = ws.engagements.get('tidy.example')
    const runChecks: RunChecks = async (ids) => ({ checks: (await runAudit({ workspace: ws, events: new EventBus(), engagement: e, profile: lab.profile, checkIds: ids })).checks })
    const r = new RunbookRunner(ws)
    let run = r.start(e.id, 'dns-broke-site', 'On-call')
    run = r.done(run.id, 'stop-changes', { inputs: { last_change: 'Cleaned up old A records' } })
    const seen = await r.verify(run.id, 'check-now', runChecks)
    expect(seen.outcome.passed).toBe(false)
    expect(seen.outcome.checks.find((c) => c.id === 'dns.hosts' && c.target === 'app.tidy.example')).toMatchObject({ status: 'fail' })
    expect(seen.outcome.checks.find((c) => c.id === 'dns.hosts' && c.target === 'www.tidy.example')).toMatchObject({ status: 'pass' })
    expect(seen.outcome.message).toMatch(/app\.tidy\.example/)
    run = r.done(run.id, 'check-now', { note: 'app.tidy.example does not resolve' })
    run = r.choose(run.id, 'nameservers-changed', 1)
    run = r.done(run.id, 'restore-records', { note: 'Re-adding the app A record' })
    run = r.done(run.id, 'wait-ttl')

    const before = await r.verify(run.id, 'verify-fixed', runChecks)
    expect(before.outcome).toMatchObject({ passed: false, waiting: false })
    expect(before.run.currentStep).toBe('verify-fixed')

    await lab.applyFix('restore-app')
    const after = await r.verify(run.id, 'verify-fixed', runChecks)
    expect(after.outcome.message).toBe('Fixed: every check passes.')
    expect(after.run.currentStep).toBe('tell-people')
    expect(ws.evidence.verify(e.id)).toMatchObject({ ok: true })
  })
})
