import type { Migration } from '../migrations'

/**
 * Signed anchors of each engagement's evidence chain: the head (seq and hash) the consultant's
 * key signed when a bundle was built or the engagement exported, with the exact statement, its
 * Ed25519 signature and the public key. `evidence verify` checks the chain against every
 * anchor, so a cut tail or a recomputed chain shows. Anchors and evidence rows leave only with
 * their engagement (triggers refuse UPDATE and any other DELETE).
 */
export const migration: Migration = {
  id: '013-evidence-anchors',
  sql: `
    CREATE TABLE evidence_anchors (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      head TEXT NOT NULL,
      purpose TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      statement TEXT NOT NULL,
      signature TEXT NOT NULL,
      public_key TEXT NOT NULL
    );
    CREATE INDEX evidence_anchors_engagement ON evidence_anchors(engagement_id, seq);
    CREATE TRIGGER evidence_anchors_no_update BEFORE UPDATE ON evidence_anchors
      BEGIN SELECT RAISE(ABORT, 'evidence anchors are append-only'); END;
    CREATE TRIGGER evidence_anchors_no_delete BEFORE DELETE ON evidence_anchors
      WHEN EXISTS (SELECT 1 FROM engagements WHERE id = OLD.engagement_id)
      BEGIN SELECT RAISE(ABORT, 'evidence anchors are append-only'); END;
    CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
      WHEN EXISTS (SELECT 1 FROM engagements WHERE id = OLD.engagement_id)
      BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END;
  `,
}
