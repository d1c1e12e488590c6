import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { timelineCount, timelinePage, type TimelineFilter } from '../../../electron/core/evidence/timeline'
import { latestResults } from '../../../electron/core/sprint/results'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { tempDir } from '../../helpers/tmp'
import { runs } from '../fuzz/arbitraries'

const CHECKS = ['dns.hosts', 'http.https', 'tls.cert']
const HOSTS = ['idx.example', 'www.idx.example']
const STATUSES = ['pass', 'warn', 'fail']
const KINDS = ['dns', 'http', 'runbook-step']

let ws: Workspace
let id: string
let other: string
const tmp = tempDir()
beforeAll(() => {
  ws = openWorkspace(tmp.dir)
  id = ws.engagements.create({ domain: 'idx.example', hosts: ['www'] } as never).id
  other = ws.engagements.create({ domain: 'other.example' } as never).id
  const item = (i: number) => ({ kind: KINDS[i % 3], label: `item ${i}`, checkId: CHECKS[i % 3 === 0 ? 0 : i % 2], target: HOSTS[i % 2], status: STATUSES[(i >> 1) % 3], data: { i } })
  for (let b = 0; b < 3; b++) {
    ws.evidence.append(id, Array.from({ length: 100 }, (_, k) => item(b * 100 + k)))
    ws.evidence.append(other, Array.from({ length: 20 }, (_, k) => item(k)))
  }
})
afterAll(() => {
  ws.close()
  tmp.cleanup()
})

type Row = { id: number; kind: string; check_id: string; target: string; status: string; created_at: string }
/** The same filter, answered by brute force in JS over every row. */
function expected(f: TimelineFilter): number[] {
  const rows = ws.db.prepare<[string], Row>('SELECT id, kind, check_id, target, status, created_at FROM evidence WHERE engagement_id = ?').all(f.engagementId)
  return rows
    .filter(
      (r) =>
        (!f.checkId || r.check_id === f.checkId) &&
        (!f.target || r.target === f.target) &&
        (!f.status || r.status === f.status) &&
        (!f.kind || r.kind === f.kind) &&
        (!f.from || r.created_at >= f.from) &&
        (!f.to || r.created_at <= f.to) &&
        (f.before === undefined || r.id < f.before),
    )
    .map((r) => r.id)
    .sort((a, b) => b - a)
}

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })
const filter = fc.record({
  checkId: maybe(fc.constantFrom(...CHECKS, 'none')),
  target: maybe(fc.constantFrom(...HOSTS)),
  status: maybe(fc.constantFrom(...STATUSES)),
  kind: maybe(fc.constantFrom(...KINDS)),
  before: maybe(fc.integer({ min: 1, max: 400 })),
})

describe('timeline with the filter indexes (migration 012)', () => {
  it('every filter combination returns the same rows and count as a brute-force filter', () => {
    fc.assert(
      fc.property(filter, fc.boolean(), (f, mine) => {
        const full = { engagementId: mine ? id : other, ...f, limit: 500 }
        const want = expected(full)
        expect(timelinePage(ws.db, full).rows.map((r) => r.id)).toEqual(want)
        const { before: _before, ...countable } = full
        if (_before === undefined) expect(timelineCount(ws.db, countable)).toBe(want.length)
      }),
      runs(300),
    )
  })

  it('the unfiltered count (last seq) equals count(*)', () => {
    expect(timelineCount(ws.db, { engagementId: id })).toBe(300)
    expect(timelineCount(ws.db, { engagementId: other })).toBe(60)
    expect(timelineCount(ws.db, { engagementId: 'no-such-engagement' })).toBe(0)
  })

  it('no timeline shape sorts or scans the table, and the runbook log uses its index', () => {
    const plan = (sql: string, params: unknown[]) => (ws.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ')
    const cols = 'SELECT id, seq, kind, label, check_id, target, status, created_at, hash FROM evidence WHERE engagement_id = ?'
    for (const [where, params] of [
      ['', []],
      [' AND check_id = ? AND target = ? AND status = ?', ['dns.hosts', HOSTS[0], 'pass']],
      [' AND status = ?', ['fail']],
      [' AND kind = ? AND target = ?', ['http', HOSTS[0]]],
      [' AND created_at >= ?', ['2000-01-01']],
      [' AND id < ?', [50]],
    ] as [string, unknown[]][]) {
      const p = plan(`${cols}${where} ORDER BY id DESC LIMIT 101`, [id, ...params])
      expect(p, where).not.toMatch(/TEMP B-TREE|SCAN evidence/)
      expect(p, where).toMatch(/USING INDEX evidence_(recent|check|target)/)
    }
    const runbook = plan("SELECT id, created_at, body FROM evidence WHERE engagement_id = ? AND kind = 'runbook-step' AND target = ? ORDER BY seq", [id, 'x'])
    expect(runbook).toMatch(/USING INDEX evidence_kind/)
    expect(runbook).not.toMatch(/TEMP B-TREE/)
  })

  it('latest results: the newest row per check × target', () => {
    const ins = ws.db.prepare("INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, finished_at) VALUES (?, ?, ?, ?, ?, 's', '{}', 1, 'x')")
    ws.db.transaction(() => {
      for (const run of ['r1', 'r2']) {
        ws.db.prepare("INSERT INTO check_runs (id, engagement_id, started_at, status) VALUES (?, ?, 'x', 'finished')").run(run, id)
        for (const c of CHECKS) for (const h of HOSTS) ins.run(run, id, c, h, run === 'r1' ? 'fail' : 'pass')
      }
    })()
    const latest = latestResults(ws.db, id)
    expect(latest).toHaveLength(CHECKS.length * HOSTS.length)
    expect(new Set(latest.map((r) => `${r.runId}:${r.status}`))).toEqual(new Set(['r2:pass']))
    expect(latestResults(ws.db, other)).toEqual([])
  })
})
