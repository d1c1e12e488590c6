import type { Migration } from '../migrations'
import { keyFingerprint } from '../../handover/fingerprint'

/**
 * The consultant's details beyond a name and email (organisation, website), whether a person
 * set them (`confirmed`: identities made on first use were named after the OS user, and sign
 * nothing until their details are set), and the key's history: when it was made and each
 * explicit re-key with its reason (append-only). Public parts only: private keys stay in the
 * keychain.
 */
export const migration: Migration = {
  id: '057-signing-identity-details',
  sql: `
    ALTER TABLE signing_identities ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
    ALTER TABLE signing_identities ADD COLUMN website TEXT NOT NULL DEFAULT '';
    ALTER TABLE signing_identities ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE signing_key_history (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      identity_id TEXT NOT NULL,
      event TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      previous TEXT,
      reason TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL
    );
    CREATE TRIGGER signing_key_history_no_update BEFORE UPDATE ON signing_key_history
      BEGIN SELECT RAISE(ABORT, 'the key history is append-only'); END;
    CREATE TRIGGER signing_key_history_no_delete BEFORE DELETE ON signing_key_history
      BEGIN SELECT RAISE(ABORT, 'the key history is append-only'); END;
  `,
  run(db) {
    // The consultant key made before this version: its history starts with its creation.
    const rows = db.prepare<[], { id: string; ed25519_pub: string; created_at: string }>("SELECT id, ed25519_pub, created_at FROM signing_identities WHERE role = 'consultant'").all()
    const insert = db.prepare("INSERT INTO signing_key_history (identity_id, event, fingerprint, previous, reason, at) VALUES (?, 'created', ?, NULL, '', ?)")
    for (const r of rows) insert.run(r.id, keyFingerprint(r.ed25519_pub), r.created_at)
  },
}
