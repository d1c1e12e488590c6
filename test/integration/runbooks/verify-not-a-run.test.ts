import { describe, expect, it } from 'vitest'
import type { AppEvent } from '@shared/events'
import { labCoreForSuite } from '../../helpers/lab-core'
import { callCore } from '../../helpers/call'

const suite = labCoreForSuite('healthy', 'handover-runbook-verify-')

type View = { run: { id: string; currentStep: string | null; log: { action: string; stepId: string }[] }; outcome?: { checks: { id: string; status: string }[] } }
const call = <T>(method: string, input?: unknown) => callCore<T>(suite.core, method, input)

describe("a runbook's Verify against the sandbox", () => {
  it('runs the checks and stores their results, but is not a run of the engagement and sends no run events', async () => {
    const e = await call<{ id: string }>('createEngagement', { domain: 'tidy.example', hosts: ['www'] })
    const seen: AppEvent[] = []
    const off = suite.core.events.on((ev) => seen.push(ev))
    let v = await call<View>('startRunbook', { engagementId: e.id, runbookId: 'dns-broke-site' })
    v = await call<View>('runbookDone', { runId: v.run.id, stepId: 'stop-changes', inputs: { last_change: 'none' } })
    v = await call<View>('runbookVerify', { runId: v.run.id, stepId: 'check-now' })
    off()
    expect(v.outcome!.checks.map((c) => c.id).sort()).toEqual(['dns.delegation', 'dns.hosts', 'dns.hosts'])
    // the runbook's log has the verification (chained evidence)…
    expect(v.run.log.map((l) => `${l.action}:${l.stepId}`)).toContain('verified:check-now')
    // …the results are the latest word on those checks…
    const results = await call<{ checkId: string }[]>('listResults', { engagementId: e.id })
    expect(results.map((r) => r.checkId)).toContain('dns.delegation')
    // …but no run appears in the engagement's history, and no run indicator is started
    expect(await call<unknown[]>('listRuns', { engagementId: e.id, limit: 20 })).toEqual([])
    expect(seen.map((x) => x.type)).not.toContain('run.started')
    expect(seen.map((x) => x.type)).toContain('sprint.changed')
    expect(await call('verifyEvidence', { id: e.id })).toMatchObject({ ok: true })
  })

  it('an open run reads as who started it and the step by its title and number', async () => {
    const e = await call<{ id: string }>('createEngagement', { domain: 'other.example', hosts: [] })
    const v = await call<View>('startRunbook', { engagementId: e.id, runbookId: 'dns-broke-site', by: 'Ada' })
    await call('runbookDone', { runId: v.run.id, stepId: 'stop-changes', inputs: { last_change: 'none' } })
    const [open] = await call<{ by: string; stepTitle: string; progress: { number: number; total: number } }[]>('openRunbookRuns', { engagementId: e.id })
    expect(open).toMatchObject({ by: 'Ada', stepTitle: 'See what DNS says right now', progress: { number: 2, total: 7 } })
    const after = await call<{ run: { abandoned: boolean } }>('runbookAbandon', { runId: v.run.id, stepId: 'check-now', reason: 'not needed' })
    expect(after.run.abandoned).toBe(true)
    expect(await call('openRunbookRuns', { engagementId: e.id })).toEqual([])
  })
})
