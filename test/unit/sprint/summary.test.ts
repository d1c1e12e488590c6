import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rotationState } from '@shared/rotation'
import type { EngagementSummary } from '@shared/schemas/summary'
import { isOpenRisk } from '../../../electron/core/sprint/plan'
import { latestResults } from '../../../electron/core/sprint/results'
import { SprintService } from '../../../electron/core/sprint/service'
import { engagementSummaries } from '../../../electron/core/sprint/summary'
import { CredentialRepo } from '../../../electron/core/vault/repo'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { seedPortfolio } from '../../helpers/portfolio'
import { tempDir } from '../../helpers/tmp'

const now = new Date('2026-11-24T08:00:00Z')
let ws: Workspace
let cleanup: () => void
let sprints: SprintService

beforeEach(() => {
  const t = tempDir('handover-summary-')
  cleanup = t.cleanup
  ws = openWorkspace(t.dir)
  sprints = new SprintService(ws)
})
afterEach(() => {
  ws.close()
  cleanup()
})

/** What the dashboard and the other screens say about one engagement, the slow way. */
function expected(id: string): Omit<EngagementSummary, 'riskScore'> {
  const latest = latestResults(ws.db, id)
  const runs = ws.db.prepare('SELECT MAX(finished_at) FROM check_runs WHERE engagement_id = ?').pluck().get(id) as string | null
  const rotation = new CredentialRepo(ws.db)
    .list(id)
    .map((c) => ({ id: c.id, label: c.label, rotationDue: c.rotationDue!, state: rotationState(c, now.getTime())! }))
    .filter((c) => c.state)
    .sort((a, b) => a.rotationDue.localeCompare(b.rotationDue))
  const count = (s: string, items?: { checks: string[]; status: string; warnings: number }[]) =>
    latest.filter((r) => r.status === s && (!items || !items.some((i) => i.checks.includes(r.checkId)) || items.some((i) => i.checks.includes(r.checkId) && isOpenRisk(i as never)))).length
  const base = { engagementId: id, lastRunAt: runs, rotation }
  if (!sprints.current(id)) return { ...base, sprint: { state: 'none' }, progress: null, worstRisk: null, openRisks: 0, open: { fail: count('fail'), warn: count('warn') } }
  const s = sprints.status(id, now)
  const block = s.blocks.find((b) => b.state === 'current')
  const sprint: EngagementSummary['sprint'] = s.sprint.finishedAt
    ? { state: 'finished', finishedAt: s.sprint.finishedAt }
    : s.msLeft <= 0
      ? { state: 'time-up', endsAt: s.sprint.endsAt }
      : { state: 'running', endsAt: s.sprint.endsAt, msLeft: s.msLeft, block: block?.title ?? null }
  const top = s.risks[0]
  return {
    ...base,
    sprint,
    progress: { done: s.stages.reduce((n, x) => n + x.done, 0), total: s.items.length },
    worstRisk: top ? { itemId: top.itemId, title: top.title, severity: top.severity, status: top.status } : null,
    openRisks: s.risks.length,
    open: { fail: count('fail', s.items), warn: count('warn', s.items) },
  }
}

describe('engagement summaries', () => {
  it('is empty for an empty workspace', () => {
    expect(engagementSummaries(ws.db, now)).toEqual([])
  })

  it('agrees with each engagement’s full sprint status, engagement by engagement', () => {
    const { ids } = seedPortfolio(ws, { engagements: 30, runs: 2, now, seed: 7 })
    const got = new Map(engagementSummaries(ws.db, now).map((s) => [s.engagementId, s]))
    expect(got.size).toBe(30)
    for (const id of ids) expect(got.get(id), id).toMatchObject(expected(id))
    // the portfolio covers every clock state, waivers, fix orders and rotation dates
    const states = new Set([...got.values()].map((s) => s.sprint.state))
    expect([...states].sort()).toEqual(['finished', 'none', 'running', 'time-up'])
    expect([...got.values()].some((s) => s.rotation.some((r) => r.state === 'overdue'))).toBe(true)
    expect([...got.values()].some((s) => s.rotation.some((r) => r.state === 'soon'))).toBe(true)
  })

  it('follows new results, a consultant’s fix order and a removed engagement on later calls', () => {
    const { ids } = seedPortfolio(ws, { engagements: 10, runs: 1, now, seed: 3 })
    const id = ids[1]! // running sprint
    engagementSummaries(ws.db, now)
    const before = engagementSummaries(ws.db, now).find((s) => s.engagementId === id)!
    expect(before.worstRisk).not.toBeNull()

    // a run passes everything this engagement had failing
    const run = randomUUID()
    const at = new Date(now.getTime() - 60_000).toISOString()
    ws.db.prepare("INSERT INTO check_runs (id, engagement_id, started_at, finished_at, status) VALUES (?, ?, ?, ?, 'done')").run(run, id, at, at)
    const ins = ws.db.prepare("INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, finished_at) VALUES (?, ?, ?, ?, 'pass', '', '{}', 1, ?)")
    for (const r of latestResults(ws.db, id)) if (r.status !== 'pass') ins.run(run, id, r.checkId, r.target, at)
    const after = engagementSummaries(ws.db, now).find((s) => s.engagementId === id)!
    expect(after).toMatchObject(expected(id))
    expect(after.open).toEqual({ fail: 0, warn: 0 })
    expect(after.lastRunAt).toBe(at)

    // the consultant puts a manual item first: the list follows the fix order
    sprints.setItem(id, 'rollback-rehearsed', { fixOrder: 1 }, now)
    expect(engagementSummaries(ws.db, now).find((s) => s.engagementId === id)!.worstRisk).toMatchObject({ itemId: 'rollback-rehearsed' })

    ws.engagements.remove(ids[9]!)
    expect(engagementSummaries(ws.db, now).map((s) => s.engagementId)).not.toContain(ids[9])
  })
})
