import type { CheckStatusName, RunChange, RunChanges, RunInfo, RunStatusName } from '@shared/contract/checks'
import type { Db } from '../workspace/db'

interface RunRow {
  id: string
  started_at: string
  finished_at: string | null
  status: string
  total: number
  pass: number
  warn: number
  fail: number
  error: number
  skip: number
}

interface ChangeRow {
  id: number
  check_id: string
  target: string
  status: CheckStatusName
  summary: string
  before: CheckStatusName | null
  before_run: string | null
}

/** Lower is better: an improvement moves down this scale, a regression up. */
const RANK: Record<CheckStatusName, number> = { pass: 0, skip: 1, warn: 2, error: 3, fail: 4 }

/** A change for the better: a lower rank than before, or a first result that passes. */
export function improved(c: Pick<RunChange, 'before' | 'after'>): boolean {
  return c.before === null ? c.after === 'pass' : RANK[c.after] < RANK[c.before]
}

/** Improvements first, then regressions, each by key. */
export function byImprovement(a: RunChange, b: RunChange): number {
  return Number(improved(b)) - Number(improved(a)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/**
 * The stored run status as people read it. A run still marked 'running' that this process is
 * not running was left behind by a process that ended mid-run: interrupted.
 */
export function runStatus(stored: string, live: boolean): RunStatusName {
  if (stored === 'done') return 'finished'
  if (stored === 'cancelled') return 'cancelled'
  return live ? 'running' : 'interrupted'
}

/** An engagement's newest runs (engagement id, limit) with their results counted by status. */
export const RUNS_SQL = `
  SELECT c.id, c.started_at, c.finished_at, c.status, c.total,
         COALESCE(SUM(r.status = 'pass'), 0) AS pass, COALESCE(SUM(r.status = 'warn'), 0) AS warn,
         COALESCE(SUM(r.status = 'fail'), 0) AS fail, COALESCE(SUM(r.status = 'error'), 0) AS error,
         COALESCE(SUM(r.status = 'skip'), 0) AS skip
  FROM (SELECT rowid AS seq, * FROM check_runs WHERE engagement_id = ? AND origin IS NULL ORDER BY started_at DESC, rowid DESC LIMIT ?) c
  LEFT JOIN check_results r ON r.run_id = c.id
  GROUP BY c.id
  ORDER BY c.started_at DESC, c.seq DESC`

/**
 * An engagement's runs, newest first, each with its results counted by status (one grouped
 * read over the check_results_run index per listed run).
 */
export function listRuns(db: Db, engagementId: string, limit: number, isLive: (runId: string) => boolean): RunInfo[] {
  const rows = db.prepare<[string, number], RunRow>(RUNS_SQL).all(engagementId, limit)
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: runStatus(r.status, isLive(r.id)),
    total: r.total,
    counts: { pass: r.pass, warn: r.warn, fail: r.fail, error: r.error, skip: r.skip },
  }))
}

/**
 * Each result of a run (run id, engagement id) with the result stored before it for the same
 * check × target in another run: one seek per result on check_results_latest.
 */
export const CHANGES_SQL = `
  SELECT r.id, r.check_id, r.target, r.status, r.summary, p.status AS before, p.run_id AS before_run
  FROM check_results r
  LEFT JOIN check_results p ON p.id = (
    SELECT q.id FROM check_results q
    WHERE q.engagement_id = r.engagement_id AND q.check_id = r.check_id AND q.target = r.target AND q.id < r.id AND q.run_id <> r.run_id
    ORDER BY q.id DESC LIMIT 1)
  WHERE r.run_id = ? AND r.engagement_id = ?`

/** The newest run of an engagement that stored at least one result. */
function newestRunWithResults(db: Db, engagementId: string): string | null {
  const r = db
    .prepare<[string], { id: string }>(
      `SELECT c.id FROM check_runs c WHERE c.engagement_id = ? AND c.origin IS NULL AND EXISTS (SELECT 1 FROM check_results r WHERE r.run_id = c.id)
       ORDER BY c.started_at DESC, c.rowid DESC LIMIT 1`,
    )
    .get(engagementId)
  return r?.id ?? null
}

/**
 * What a run changed: each of its results against the most recent earlier result for the same
 * check × target from any earlier run, so a run that re-ran only the failed items is compared
 * with the full run before it. Unchanged rows are left out; with no earlier result at all
 * (the first run) there is nothing to compare and `rows` is empty.
 */
export function runChanges(db: Db, engagementId: string, runId?: string): RunChanges {
  const id = runId ?? newestRunWithResults(db, engagementId)
  if (!id) return { runId: null, previousRunAt: null, rows: [] }
  const rows = db.prepare<[string, string], ChangeRow>(CHANGES_SQL).all(id, engagementId)
  const earlier = [...new Set(rows.map((r) => r.before_run).filter((x): x is string => x !== null))]
  const previousRunAt = latestStart(db, earlier)
  if (previousRunAt === null) return { runId: id, previousRunAt: null, rows: [] }
  const changes = rows
    .filter((r) => r.before !== r.status)
    .map((r): RunChange => ({ key: `${r.check_id}@${r.target}`, checkId: r.check_id, target: r.target, before: r.before, after: r.status, summary: r.summary, resultId: r.id }))
  return { runId: id, previousRunAt, rows: changes.sort(byImprovement) }
}

/** When the newest of these runs started (null for none). */
function latestStart(db: Db, runIds: string[]): string | null {
  let latest: string | null = null
  const get = db.prepare<[string], { started_at: string }>('SELECT started_at FROM check_runs WHERE id = ?')
  for (const id of runIds) {
    const at = get.get(id)?.started_at ?? null
    if (at !== null && (latest === null || at > latest)) latest = at
  }
  return latest
}
