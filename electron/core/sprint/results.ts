import type { Db } from '../workspace/db'
import type { ResultLite } from './plan'

/** The latest result per check × target for an engagement (what an item's status derives from). */
export function latestResults(db: Db, engagementId: string): ResultLite[] {
  const rows = db
    .prepare<[string], { id: number; run_id: string; check_id: string; target: string; status: ResultLite['status']; summary: string; finished_at: string }>(
      `SELECT r.id, r.run_id, r.check_id, r.target, r.status, r.summary, r.finished_at
         FROM check_results r
         JOIN (SELECT check_id, target, MAX(id) AS id FROM check_results WHERE engagement_id = ? GROUP BY check_id, target) l ON l.id = r.id`,
    )
    .all(engagementId)
  return rows.map((r) => ({ checkId: r.check_id, target: r.target, status: r.status, summary: r.summary, runId: r.run_id, at: r.finished_at, resultId: r.id }))
}
