import type { Migration } from '../migrations'

/**
 * A site owner's consent to the probes (issue 24): who agreed, who recorded it and when, the
 * endpoints exactly as declared then, and the limits. Each change (recorded, revoked) is also a
 * chained fact (`probe.consent`, the whole row) that `evidence verify` compares.
 */
export const migration: Migration = {
  id: '086-probe-consents',
  sql: `
    CREATE TABLE probe_consents (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      given_by TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      endpoints TEXT NOT NULL,
      limits TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      revoked_at TEXT
    );
    CREATE INDEX probe_consents_engagement ON probe_consents(engagement_id, recorded_at);
  `,
}
