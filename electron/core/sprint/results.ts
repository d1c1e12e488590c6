import type { Statement } from 'better-sqlite3'
import type { Db } from '../workspace/db'
import type { ResultLite } from './plan'

interface Row {
  id: number
  run_id: string
  check_id: string
  target: string
  status: ResultLite['status']
  summary: string
  finished_at: string
}

// The newest id per check × target comes from the covering index check_results_latest
// (engagement_id, check_id, target, id) without touching result rows; only the winners are read.
const LATEST = `SELECT r.id, r.run_id, r.check_id, r.target, r.status, r.summary, r.finished_at
  FROM check_results r
  JOIN (SELECT check_id, target, MAX(id) AS id FROM check_results WHERE engagement_id = ? GROUP BY check_id, target) l ON l.id = r.id`

// One prepared statement per open database: preparing costs as much as running the query.
const prepared = new WeakMap<Db, Statement<[string], Row>>()

/** The latest result per check × target for an engagement (what an item's status derives from). */
export function latestResults(db: Db, engagementId: string): ResultLite[] {
  let st = prepared.get(db)
  if (!st) prepared.set(db, (st = db.prepare<[string], Row>(LATEST)))
  return st.all(engagementId).map((r) => ({ checkId: r.check_id, target: r.target, status: r.status, summary: r.summary, runId: r.run_id, at: r.finished_at, resultId: r.id }))
}
