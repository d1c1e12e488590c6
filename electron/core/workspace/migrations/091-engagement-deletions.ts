import type { Migration } from '../migrations'

/**
 * Deletions waiting out their Undo window: the engagement is hidden from every lookup while its
 * row is here, restored by removing the row, and deleted for good when the window ends, when
 * the workspace closes, or, after a crash, when it opens next (an Undo never outlives the app).
 */
export const migration: Migration = {
  id: '091-engagement-deletions',
  sql: `
    CREATE TABLE engagement_deletions (
      engagement_id TEXT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
      requested_at TEXT NOT NULL
    );
  `,
}
