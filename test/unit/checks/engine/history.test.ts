import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunChange } from '@shared/contract/checks'
import { CHANGES_SQL, RUNS_SQL, byImprovement, improved, listRuns, runChanges, runStatus } from '../../../../electron/core/checks/history'
import { CheckStore } from '../../../../electron/core/checks/persist'
import { openWorkspace, type Workspace } from '../../../../electron/core/workspace'

let ws: Workspace
let eid: string
beforeEach(() => {
  ws = openWorkspace(':memory:')
  eid = ws.engagements.create({ domain: 'example.com', hosts: ['www'] }).id
})
afterEach(() => ws.close())

/** A finished run with these results (`check@target status`), started at hh:00. */
function run(id: string, hour: number, results: string[], status: 'done' | 'cancelled' | 'running' = 'done', engagementId = eid): void {
  const at = `2026-01-05T${String(hour).padStart(2, '0')}:00:00.000Z`
  new CheckStore(ws.db, ws.evidence).startRun(id, engagementId, at, results.length)
  const insert = ws.db.prepare(
    `INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, evidence_id, finished_at) VALUES (?, ?, ?, ?, ?, ?, '{}', 1, NULL, ?)`,
  )
  ws.db.transaction(() => {
    for (const r of results) {
      const [key, st] = r.split(' ')
      const [check, target] = key!.split('@')
      insert.run(id, engagementId, check, target, st, `${check} ${st}`, at)
    }
  })()
  if (status !== 'running') ws.db.prepare('UPDATE check_runs SET status = ?, finished_at = ? WHERE id = ?').run(status, at, id)
}

const rows = (c: { rows: RunChange[] }) => c.rows.map((r) => `${r.key} ${r.before ?? 'new'}>${r.after}`)

describe('run history', () => {
  it('lists runs newest first with counts; a run nobody is running is interrupted', () => {
    run('r1', 9, ['a@example.com fail', 'b@example.com pass', 'c@example.com warn'])
    run('r2', 10, ['a@example.com pass'], 'cancelled')
    run('r3', 11, ['b@example.com skip'], 'running')
    run('r4', 12, [], 'running')
    const live = new Set(['r4'])
    expect(listRuns(ws.db, eid, 20, (id) => live.has(id)).map((r) => [r.id, r.status, r.total, r.counts])).toEqual([
      ['r4', 'running', 0, { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 }],
      ['r3', 'interrupted', 1, { pass: 0, warn: 0, fail: 0, error: 0, skip: 1 }],
      ['r2', 'cancelled', 1, { pass: 1, warn: 0, fail: 0, error: 0, skip: 0 }],
      ['r1', 'finished', 3, { pass: 1, warn: 1, fail: 1, error: 0, skip: 0 }],
    ])
    expect(listRuns(ws.db, eid, 2, () => false).map((r) => r.id)).toEqual(['r4', 'r3'])
  })

  it('compares each result with the latest earlier result from any run, so a partial re-run diffs against the full run', () => {
    run('full', 9, ['a@example.com fail', 'b@example.com fail', 'c@example.com pass', 'd@www.example.com warn'])
    run('only-a', 10, ['a@example.com pass'])
    // b was last seen in the full run; a in only-a; e is new
    run('b-and-more', 11, ['a@example.com pass', 'b@example.com pass', 'c@example.com fail', 'd@www.example.com warn', 'e@example.com error'])
    expect(runChanges(ws.db, eid)).toMatchObject({ runId: 'b-and-more', previousRunAt: '2026-01-05T10:00:00.000Z' })
    expect(rows(runChanges(ws.db, eid))).toEqual(['b@example.com fail>pass', 'c@example.com pass>fail', 'e@example.com new>error'])
    expect(rows(runChanges(ws.db, eid, 'only-a'))).toEqual(['a@example.com fail>pass'])
    expect(runChanges(ws.db, eid, 'only-a').previousRunAt).toBe('2026-01-05T09:00:00.000Z')
    expect(runChanges(ws.db, eid, 'full')).toEqual({ runId: 'full', previousRunAt: null, rows: [] })
  })

  it('defaults to the newest run that has results, and ignores other engagements', () => {
    const other = ws.engagements.create({ domain: 'other.example' }).id
    run('x1', 9, ['a@example.com fail'])
    run('x2', 10, ['a@example.com pass'])
    run('empty', 11, [], 'cancelled')
    run('elsewhere', 12, ['a@example.com warn'], 'done', other)
    expect(runChanges(ws.db, eid)).toMatchObject({ runId: 'x2', previousRunAt: '2026-01-05T09:00:00.000Z' })
    expect(rows(runChanges(ws.db, eid))).toEqual(['a@example.com fail>pass'])
    expect(runChanges(ws.db, other)).toEqual({ runId: 'elsewhere', previousRunAt: null, rows: [] })
  })

  it('orders improvements before regressions, each by key', () => {
    const c = (key: string, before: RunChange['before'], after: RunChange['after']): RunChange => ({ key, checkId: key, target: 't', before, after, summary: '', resultId: 1 })
    const list = [c('z', 'pass', 'fail'), c('b', 'fail', 'warn'), c('a', 'warn', 'error'), c('y', null, 'pass'), c('x', null, 'fail'), c('c', 'error', 'pass')]
    expect(list.sort(byImprovement).map((r) => r.key)).toEqual(['b', 'c', 'y', 'a', 'x', 'z'])
    expect(improved({ before: 'skip', after: 'pass' })).toBe(true)
    expect(improved({ before: 'pass', after: 'skip' })).toBe(false)
    expect(runStatus('done', false)).toBe('finished')
    expect(runStatus('running', true)).toBe('running')
  })

  it('reads 12,000 results through indexes, not table scans', () => {
    const checks = Array.from({ length: 40 }, (_, i) => `check.${i}`)
    const targets = Array.from({ length: 50 }, (_, i) => `h${i}.example.com`)
    const all = checks.flatMap((c) => targets.map((t) => `${c}@${t}`))
    for (let i = 0; i < 6; i++) run(`big${i}`, 9 + i, all.map((k, j) => `${k} ${(i + j) % 3 === 0 ? 'fail' : 'pass'}`))
    const changes = runChanges(ws.db, eid)
    expect(changes.runId).toBe('big5')
    // a key changes when it failed in either of the last two runs
    expect(changes.rows.length).toBe(all.filter((_, j) => (4 + j) % 3 === 0 || (5 + j) % 3 === 0).length)
    const plan = (sql: string, ...args: unknown[]) => (ws.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail)
    expect(plan(RUNS_SQL, eid, 20).filter((d) => /^SCAN (r|check_results|check_runs)\b/.test(d))).toEqual([])
    expect(plan(CHANGES_SQL, 'big5', eid).filter((d) => d.startsWith('SCAN'))).toEqual([])
  })
})
