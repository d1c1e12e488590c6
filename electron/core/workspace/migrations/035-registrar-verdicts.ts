import type { Migration } from '../migrations'

/**
 * A person's verdict on who holds the registrar account (for a registrar without an API here, or
 * one whose API does not name the holder): what `reg.account` falls back to. Each verdict is also
 * a chained fact (`registrar.verdict`).
 */
export const migration: Migration = {
  id: '035-registrar-verdicts',
  sql: `
    CREATE TABLE registrar_verdicts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      holder TEXT NOT NULL,
      founder_controls INTEGER NOT NULL,
      by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL
    );
    CREATE INDEX registrar_verdicts_engagement ON registrar_verdicts(engagement_id, id);
  `,
}
