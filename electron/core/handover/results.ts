import type { Db } from '../workspace/db'

/** One stored check result as the handover reads it. */
export interface ResultRow {
  id: number
  checkId: string
  target: string
  status: string
  summary: string
  details: Record<string, unknown>
  evidenceId: number | null
  finishedAt: string
}

interface Raw {
  id: number
  check_id: string
  target: string
  status: string
  summary: string
  details: string
  evidence_id: number | null
  finished_at: string
}

/** Whether a table exists: the handover reads what other areas have built, if they have. */
export function hasTable(db: Db, name: string): boolean {
  return !!db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(name)
}

function parse(r: Raw): ResultRow {
  let details: Record<string, unknown> = {}
  try {
    const v = JSON.parse(r.details) as unknown
    if (v && typeof v === 'object' && !Array.isArray(v)) details = v as Record<string, unknown>
  } catch {
    // a malformed details column is shown as empty rather than failing the bundle
  }
  return { id: r.id, checkId: r.check_id, target: r.target, status: r.status, summary: r.summary, details, evidenceId: r.evidence_id, finishedAt: r.finished_at }
}

/** The latest result per check × target (empty when no check has run or the table is absent). */
export function latestResults(db: Db, engagementId: string): ResultRow[] {
  if (!hasTable(db, 'check_results')) return []
  return db
    .prepare<[string], Raw>(
      `SELECT r.* FROM check_results r JOIN (SELECT MAX(id) AS id FROM check_results WHERE engagement_id = ? GROUP BY check_id, target) m ON r.id = m.id
       ORDER BY r.check_id, r.target`,
    )
    .all(engagementId)
    .map(parse)
}
