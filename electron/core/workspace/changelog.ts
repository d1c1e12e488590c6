import type { Db } from './db'

/** Append one line to the workspace's append-only change log (never secrets in `detail`). */
export function logChange(db: Db, engagementId: string | null, entity: string, action: string, detail: unknown = {}): void {
  db.prepare('INSERT INTO change_log (at, engagement_id, entity, action, detail) VALUES (?, ?, ?, ?, ?)').run(
    new Date().toISOString(),
    engagementId,
    entity,
    action,
    JSON.stringify(detail),
  )
}
