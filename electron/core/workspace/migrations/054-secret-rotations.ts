import type { Migration } from '../migrations'

/**
 * Rotations of secrets the checks saw exposed (a served .env, the site's JavaScript, repository
 * history, a public env var): one row per rotation a person recorded, keyed by the exposure's
 * stable key. Until one is recorded, the handover prints a "rotate now" action. Each rotation
 * is also appended to the evidence chain.
 */
export const migration: Migration = {
  id: '054-secret-rotations',
  sql: `
    CREATE TABLE secret_rotations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      exposure_key TEXT NOT NULL,
      rotated_at TEXT NOT NULL,
      rotated_by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    );
    CREATE INDEX secret_rotations_engagement ON secret_rotations(engagement_id, exposure_key);
  `,
}
