import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RunbookRunner, type RunChecks } from '../../../electron/core/runbooks/runner'
import { getRunbook } from '../../../electron/core/runbooks/catalog'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { runbookProgress } from '@shared/runbook-progress'
import { verifyChain } from '../../../electron/core/evidence/coverage'
import { tempDir } from '../../helpers/tmp'

let ws: Workspace
let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  ws = openWorkspace(dir)
  ws.engagements.create({ domain: 'acme.example', hosts: ['www'] } as never)
})
afterEach(() => {
  ws.close()
  cleanup()
})

const failing: RunChecks = async (ids) => ({ checks: ids.map((id) => ({ id, target: 'acme.example', status: 'fail', summary: `${id} fails`, evidenceId: null })) })
const rb = getRunbook('dns-broke-site')
const progress = (r: RunbookRunner, id: string) => runbookProgress(rb, r.get(id))

describe('runbook detours: skip, back, abandon', () => {
  it('a verify that fails can be skipped with a reason (required), counted one step at a time', async () => {
    const r = new RunbookRunner(ws)
    let run = r.start('acme.example', 'dns-broke-site', 'Ada')
    // 7 steps whichever way the decision goes (11 in the file)
    expect(progress(r, run.id)).toEqual({ number: 1, total: 7 })
    run = r.done(run.id, 'stop-changes', { inputs: { last_change: 'www CNAME' } })
    expect(progress(r, run.id)).toEqual({ number: 2, total: 7 })
    const v = await r.verify(run.id, 'check-now', failing)
    expect(v.run.currentStep).toBe('check-now')
    expect(() => r.skip(run.id, 'check-now', '   ')).toThrow(/Say why this step is skipped/)
    run = r.skip(run.id, 'check-now', 'registrar is down, checking later')
    expect(run.currentStep).toBe('nameservers-changed')
    expect(progress(r, run.id)).toEqual({ number: 3, total: 7 })
    run = r.choose(run.id, 'nameservers-changed', 0)
    // the nameserver branch jumps over restore-records: the counter still goes 3 → 4
    expect(run.currentStep).toBe('restore-nameservers')
    expect(progress(r, run.id)).toEqual({ number: 4, total: 7 })
    expect(run.log.find((l) => l.action === 'skipped')).toMatchObject({ stepId: 'check-now', by: 'Ada', detail: { reason: 'registrar is down, checking later' } })
    expect(verifyChain(ws.db, ws.evidence, run.engagementId)).toMatchObject({ ok: true })
  })

  it('Back returns along the way the run went, branches included, and not past the first step', async () => {
    const r = new RunbookRunner(ws)
    let run = r.start('acme.example', 'dns-broke-site')
    expect(() => r.back(run.id, 'stop-changes')).toThrow(/first step/)
    run = r.done(run.id, 'stop-changes', { inputs: { last_change: 'x' } })
    run = r.done(run.id, 'check-now', { note: 'seen by hand' })
    run = r.choose(run.id, 'nameservers-changed', 'Nameservers were changed')
    run = r.back(run.id, 'restore-nameservers')
    expect(run.currentStep).toBe('nameservers-changed')
    run = r.back(run.id, 'nameservers-changed')
    expect(run.currentStep).toBe('check-now')
    expect(progress(r, run.id)).toEqual({ number: 2, total: 7 })
    run = r.choose((run = r.done(run.id, 'check-now')).id, 'nameservers-changed', 1)
    expect(run.currentStep).toBe('restore-records')
    // the table and the chain agree after every move, across a reopen too
    ws.close()
    ws = openWorkspace(dir)
    expect(new RunbookRunner(ws).get(run.id).currentStep).toBe('restore-records')
    expect(verifyChain(ws.db, ws.evidence, run.engagementId)).toMatchObject({ ok: true })
  })

  it('Abandon ends the run at its step: it leaves the open runs, is marked abandoned, and the chain agrees', async () => {
    const r = new RunbookRunner(ws)
    let run = r.start('acme.example', 'dns-broke-site', 'Ada')
    run = r.done(run.id, 'stop-changes', { inputs: { last_change: 'x' } })
    await r.verify(run.id, 'check-now', failing)
    run = r.abandon(run.id, 'check-now', 'client fixed it themselves')
    expect(run).toMatchObject({ abandoned: true, currentStep: 'check-now' })
    expect(run.finishedAt).not.toBeNull()
    expect(r.open('acme.example')).toEqual([])
    expect(() => r.skip(run.id, 'check-now', 'late')).toThrow(/finished/)
    expect(verifyChain(ws.db, ws.evidence, run.engagementId)).toMatchObject({ ok: true })
    // tampering with the table is caught by the chain
    ws.db.prepare('UPDATE runbook_runs SET finished_at = NULL WHERE id = ?').run(run.id)
    expect(verifyChain(ws.db, ws.evidence, run.engagementId)).toMatchObject({ ok: false })
  })
})
