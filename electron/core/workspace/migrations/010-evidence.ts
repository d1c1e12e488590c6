import type { Migration } from '../migrations'

/**
 * Evidence: append-only and tamper-evident. Each item stores its canonical JSON, the SHA-256
 * of (previous hash + canonical JSON), and the previous item's hash in the same engagement:
 * a hash chain. A trigger refuses UPDATE; rows leave only when their engagement is deleted
 * (a cascade), and any other removal shows up as a gap when the chain is verified.
 */
export const migration: Migration = {
  id: '010-evidence',
  sql: `
    CREATE TABLE evidence (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL,
      label TEXT NOT NULL,
      check_id TEXT,
      target TEXT,
      status TEXT,
      created_at TEXT NOT NULL,
      body TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (engagement_id, seq)
    );
    CREATE INDEX evidence_check ON evidence(engagement_id, check_id, id);
    CREATE INDEX evidence_time ON evidence(engagement_id, created_at);
    CREATE INDEX evidence_status ON evidence(engagement_id, status, id);
    CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
      BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
  `,
}
