import { describe, expect, it } from 'vitest'
import type { RunbookSummary, RunbookView } from '@shared/contract/runbooks'
import type { RunbookRun } from '@shared/schemas/runbook'
import { doneSteps, fillText, initialRunbooks, resolveRunbook, stepPosition, suggestRunbooks, viewLoaded, type RunbooksState } from '../../../../renderer/src/store/runbooks'

const run = (over: Partial<RunbookRun> = {}): RunbookRun => ({
  id: 'r1',
  engagementId: 'e1',
  runbookId: 'dns-broke-site',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  currentStep: 'b',
  by: 'me',
  inputs: {},
  log: [
    { at: '', stepId: 'a', action: 'started', by: 'me', detail: {}, evidenceId: null },
    { at: '', stepId: 'a', action: 'done', by: 'me', detail: {}, evidenceId: null },
  ],
  ...over,
})
const steps = [
  { id: 'a', kind: 'instruction' as const, title: 'First', do: 'do it' },
  { id: 'b', kind: 'instruction' as const, title: 'Second', do: 'then this' },
  { id: 'c', kind: 'instruction' as const, title: 'Third', do: 'last' },
]
const view = (r: RunbookRun, stepIdx: number | null): RunbookView =>
  ({ run: r, runbook: { id: 'dns-broke-site', title: 'DNS', summary: 's', symptoms: ['x'], severity: 'launch-blocker', related_checks: [], steps, rollback: 'undo' }, step: stepIdx === null ? null : steps[stepIdx] }) as RunbookView

describe('runbook transitions', () => {
  it('knows the position of the current step and which steps are done', () => {
    expect(stepPosition(view(run(), 1))).toEqual({ number: 2, total: 3 })
    const finished = run({ currentStep: null, log: [...run().log, { at: '', stepId: 'b', action: 'done', by: 'me', detail: {}, evidenceId: null }, { at: '', stepId: 'c', action: 'done', by: 'me', detail: {}, evidenceId: null }] })
    expect(stepPosition(view(finished, null))).toEqual({ number: 3, total: 3 })
    expect([...doneSteps(run())]).toEqual(['a'])
    // a verify that failed is not done; a step gone Back from is not done any more
    const failed = run({ log: [...run().log, { at: '', stepId: 'b', action: 'verified', by: 'me', detail: { passed: false }, evidenceId: null }] })
    expect([...doneSteps(failed)]).toEqual(['a'])
    const back = run({ log: [...run().log, { at: '', stepId: 'b', action: 'back', by: 'me', detail: { to: 'a' }, evidenceId: null }] })
    expect([...doneSteps(back)]).toEqual([])
  })

  it('keeps unfinished runs listed (newest first) and drops finished ones', () => {
    let s: RunbooksState = { ...initialRunbooks, openRuns: [{ ...run({ id: 'old' }), stepTitle: 'Second', progress: { number: 2, total: 3 } }] }
    s = viewLoaded(s, view(run(), 1))
    expect(s.openRuns.map((r) => r.id)).toEqual(['r1', 'old'])
    expect(s.openRuns[0]).toMatchObject({ stepTitle: 'Second', progress: { number: 2, total: 3 } })
    s = viewLoaded(s, view(run({ finishedAt: '2026-01-02T00:00:00.000Z' }), null))
    expect(s.openRuns.map((r) => r.id)).toEqual(['old'])
    expect(s.view?.step).toBeNull()
  })

  it("resolves a check's runbook by id, or by a unique stem", () => {
    const cat = ['dns-broke-site', 'domain-expired', 'key-leaked', 'key-lost'].map((id) => ({ id, title: id, summary: '', severity: 'scale-risk', steps: 2 }) as RunbookSummary)
    expect(resolveRunbook('key-leaked', cat)?.id).toBe('key-leaked')
    expect(resolveRunbook('dns', cat)?.id).toBe('dns-broke-site')
    expect(resolveRunbook('key', cat)).toBeNull()
    expect(resolveRunbook('ssl', cat)).toBeNull()
    expect(resolveRunbook('dns', null)).toBeNull()
  })

  it('fills catalog placeholders for display', () => {
    expect(fillText("{{domain}}'s DNS at {{registrar.name|the registrar}} ({{ other }})", 'a.example')).toBe("a.example's DNS at the registrar (other)")
    expect(fillText('{{domain}} moved', undefined)).toBe('domain moved')
  })
})

describe('runbooks suggested by what is failing', () => {
  const cat = [
    { id: 'dns-broke-site', title: 'A DNS change broke the site', relatedChecks: ['dns.delegation', 'dns.hosts', 'http.https'] },
    { id: 'certificate-expiry', title: 'Certificate expiry', relatedChecks: ['tls.cert'] },
    { id: 'uptime-alert', title: 'Uptime alert', relatedChecks: ['http.https'] },
  ] as RunbookSummary[]
  it("suggests the check's own runbook first, then those covering the most failing checks", () => {
    expect(suggestRunbooks(['http.https', 'dns.hosts'], cat).map((r) => r.id)).toEqual(['dns-broke-site', 'uptime-alert'])
    expect(suggestRunbooks(['http.https'], cat, ['uptime']).map((r) => r.id)).toEqual(['uptime-alert', 'dns-broke-site'])
    expect(suggestRunbooks(['mail.spf'], cat)).toEqual([])
    expect(suggestRunbooks([], cat)).toEqual([])
  })
})
