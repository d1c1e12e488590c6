import type { Migration } from '../migrations'

/**
 * Credential metadata only: the secret itself lives in the OS keychain under the service
 * "Handover Console" with the credential id as the account. Nothing here is secret.
 */
export const migration: Migration = {
  id: '020-credentials',
  sql: `
    CREATE TABLE credentials (
      id TEXT PRIMARY KEY,
      provider TEXT NOT NULL,
      label TEXT NOT NULL,
      identity TEXT,
      scopes TEXT NOT NULL DEFAULT '[]',
      owner TEXT NOT NULL DEFAULT 'consultant',
      engagement_id TEXT REFERENCES engagements(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      verified_at TEXT,
      verify_error TEXT,
      rotation_due TEXT
    );
    CREATE INDEX credentials_engagement ON credentials(engagement_id, provider);
  `,
}
