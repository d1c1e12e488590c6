import { getCheck } from '../../checks/registry'
import type { Db } from '../../workspace/db'
import { hasTable, type ResultRow } from '../results'
import type { FixedView } from './types'

/**
 * Checks whose verdict rests on timing samples: a pass after a fail may be noise between runs,
 * not a fix, so they never count as fixed.
 */
const MEASUREMENTS = new Set(['http.routes', 'abuse.rate-limit'])

/**
 * What the sprint fixed, honestly: a check × target whose latest result passes after an
 * earlier fail or error (a fail that now warns is not fixed), with the last failing result's
 * summary so the reader sees what was found before the fix. Timing checks are left out.
 */
export function fixedFindings(db: Db, engagementId: string, latest: readonly ResultRow[]): FixedView[] {
  if (!hasTable(db, 'check_results')) return []
  const before = db.prepare<[string, string, string, number], { status: string; summary: string; finished_at: string }>(
    "SELECT status, summary, finished_at FROM check_results WHERE engagement_id = ? AND check_id = ? AND target = ? AND id < ? AND status IN ('fail', 'error') ORDER BY id DESC LIMIT 1",
  )
  const out: FixedView[] = []
  for (const r of latest) {
    if (r.status !== 'pass' || MEASUREMENTS.has(r.checkId)) continue
    const b = before.get(engagementId, r.checkId, r.target, r.id)
    if (b) out.push({ checkId: r.checkId, title: getCheck(r.checkId)?.meta.title ?? r.checkId, target: r.target, before: { status: b.status, summary: b.summary, at: b.finished_at }, now: { summary: r.summary, at: r.finishedAt } })
  }
  return out
}
