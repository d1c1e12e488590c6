import type { Migration } from '../migrations'

/**
 * The access inventory (one row per system per engagement; the row's fields as JSON, never a
 * credential) and signing identities (public parts only: private keys live in the keychain).
 */
export const migration: Migration = {
  id: '050-handover',
  sql: `
    CREATE TABLE inventory_entries (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      system TEXT NOT NULL,
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      fields TEXT NOT NULL,
      source TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX inventory_engagement ON inventory_entries(engagement_id, position);
    CREATE TABLE inventory_seeded (
      engagement_id TEXT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
      seeded_at TEXT NOT NULL
    );
    CREATE TABLE signing_identities (
      id TEXT PRIMARY KEY,
      role TEXT NOT NULL,
      name TEXT NOT NULL,
      email TEXT NOT NULL DEFAULT '',
      ed25519_pub TEXT NOT NULL,
      cert_pem TEXT,
      key_ref TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
  `,
}
