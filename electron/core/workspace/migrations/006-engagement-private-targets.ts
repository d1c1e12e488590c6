import type { Migration } from '../migrations'

/**
 * Private targets per engagement: names, addresses or narrow blocks checks may reach although
 * they are private (an internal staging host). A JSON array; empty (the default) allows none.
 */
export const migration: Migration = {
  id: '006-engagement-private-targets',
  sql: `ALTER TABLE engagements ADD COLUMN private_targets TEXT NOT NULL DEFAULT '[]';`,
}
