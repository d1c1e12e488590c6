import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RunbookRunner, type RunChecks } from '../../../electron/core/runbooks/runner'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { tempDir } from '../../helpers/tmp'

let ws: Workspace
let dir: string
let cleanup: () => void
beforeEach(() => {
  const t = tempDir()
  ;({ dir, cleanup } = t)
  ws = openWorkspace(dir)
  ws.engagements.create({ domain: 'acme.example', hosts: ['www'] } as never)
})
afterEach(() => {
  ws.close()
  cleanup()
})

/** The checks a verify step runs, answered from a script of statuses (the live path is tested in integration). */
function scripted(...statuses: ('pass' | 'fail' | 'offline')[]): RunChecks {
  return async (ids) => {
    const s = statuses.shift() ?? 'pass'
    if (s === 'offline') return { offline: true, checks: [] }
    return { checks: ids.map((id) => ({ id, target: 'acme.example', status: s, summary: `${id} ${s}`, evidenceId: null })) }
  }
}

describe('runbook runner', () => {
  it('walks dns-broke-site one step at a time, branching, verifying until fixed, and logs to evidence', async () => {
    const r = new RunbookRunner(ws)
    let run = r.start('acme.example', 'dns-broke-site', 'Ada')
    expect(run.currentStep).toBe('stop-changes')
    expect(() => r.done(run.id, 'stop-changes')).toThrow(/needs: What was changed last/)
    run = r.done(run.id, 'stop-changes', { inputs: { last_change: 'Deleted the www CNAME at 14:05' } })
    expect(run.currentStep).toBe('check-now')
    run = (await r.verify(run.id, 'check-now', scripted('fail'))).run
    expect(run.currentStep).toBe('check-now')
    run = r.done(run.id, 'check-now', { note: 'Seen: www missing' })
    expect(run.currentStep).toBe('nameservers-changed')
    expect(() => r.choose(run.id, 'nameservers-changed', 7)).toThrow(/is not one of/)
    run = r.choose(run.id, 'nameservers-changed', 'Only records were changed')
    expect(run.currentStep).toBe('restore-records')
    run = r.done(run.id, 'restore-records', { note: 'Re-added www CNAME' })
    run = r.done(run.id, 'wait-ttl')
    expect(run.currentStep).toBe('verify-fixed')

    const off = await r.verify(run.id, 'verify-fixed', scripted('offline'))
    expect(off.outcome).toMatchObject({ waiting: true, passed: false })
    const notYet = await r.verify(run.id, 'verify-fixed', scripted('fail'))
    expect(notYet.outcome.passed).toBe(false)
    expect(notYet.outcome.message).toMatch(/^Not yet: dns.delegation/)
    const fixed = await r.verify(run.id, 'verify-fixed', scripted('pass'))
    expect(fixed.outcome).toMatchObject({ passed: true, message: 'Fixed: every check passes.' })
    run = r.done(fixed.run.id, 'tell-people', { note: 'Team told' })
    expect(run.finishedAt).not.toBeNull()
    expect(run.inputs).toEqual({ last_change: 'Deleted the www CNAME at 14:05' })
    expect(run.log.map((l) => `${l.action}:${l.stepId}`)).toEqual([
      'started:stop-changes', 'done:stop-changes', 'verified:check-now', 'done:check-now', 'chose:nameservers-changed', 'done:restore-records',
      'done:wait-ttl', 'waiting:verify-fixed', 'verified:verify-fixed', 'verified:verify-fixed', 'done:tell-people', 'finished:tell-people',
    ])
    expect(run.log.every((l) => l.by === 'Ada' && typeof l.evidenceId === 'number')).toBe(true)
    expect(ws.evidence.verify(run.engagementId)).toMatchObject({ ok: true })
    expect(() => r.done(run.id, 'tell-people')).toThrow(/finished/)
  })

  it('resumes after a restart at the same step', () => {
    const r = new RunbookRunner(ws)
    const run = r.start('acme.example', 'domain-expired')
    ws.close()
    ws = openWorkspace(dir)
    const again = new RunbookRunner(ws)
    expect(again.open('acme.example').map((x) => x.id)).toEqual([run.id])
    expect(again.current(run.id).step!.id).toBe('check-registry')
    expect(() => again.done(run.id, 'renew-now')).toThrow(/the run is at step "check-registry"/)
  })
})
