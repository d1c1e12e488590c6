import type { Migration } from '../migrations'

/** Timeline filters by host need their own index (check, status and time have theirs). */
export const migration: Migration = {
  id: '011-evidence-target',
  sql: `CREATE INDEX evidence_target ON evidence(engagement_id, target, id);`,
}
