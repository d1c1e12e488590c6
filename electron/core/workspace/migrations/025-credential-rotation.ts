import { addDays, defaultRotationDays } from '@shared/rotation'
import type { Migration } from '../migrations'

/**
 * Rotation as a lifecycle: each credential gets a rotation period (a default per provider), a
 * next-due date (filled where none was set), the time of its last rotation, the expiry the
 * provider reports (Cloudflare tokens), and a rotation waiting to be verified (stored offline).
 * `credential_rotations` records who rotated what, when and why; rows of an engagement's
 * credentials are also chained facts (`credential.rotation`) and travel in exports.
 */
export const migration: Migration = {
  id: '025-credential-rotation',
  sql: `
    ALTER TABLE credentials ADD COLUMN rotation_days INTEGER;
    ALTER TABLE credentials ADD COLUMN rotated_at TEXT;
    ALTER TABLE credentials ADD COLUMN expires_at TEXT;
    ALTER TABLE credentials ADD COLUMN pending_rotation TEXT;
    ALTER TABLE credentials ADD COLUMN previous_kept INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE credential_rotations (
      id TEXT PRIMARY KEY,
      engagement_id TEXT REFERENCES engagements(id) ON DELETE CASCADE,
      credential_id TEXT NOT NULL,
      provider TEXT NOT NULL,
      label TEXT NOT NULL,
      rotated_at TEXT NOT NULL,
      rotated_by TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL,
      verified_at TEXT,
      verify_error TEXT,
      old_revoked_at TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX credential_rotations_credential ON credential_rotations(credential_id, created_at);
    CREATE INDEX credential_rotations_engagement ON credential_rotations(engagement_id, created_at);
  `,
  run(db) {
    const rows = db.prepare<[], { id: string; provider: string; created_at: string; rotation_due: string | null }>('SELECT id, provider, created_at, rotation_due FROM credentials').all()
    const set = db.prepare('UPDATE credentials SET rotation_days = ?, rotation_due = ? WHERE id = ?')
    for (const r of rows) {
      const days = defaultRotationDays(r.provider)
      set.run(days, r.rotation_due ?? addDays(r.created_at, days), r.id)
    }
  },
}
