import type { Migration } from '../migrations'

/**
 * Probe declarations per engagement (issue 24): the endpoints abuse.rate-limit and ai.injection
 * may probe once a consent lists them, and the smoke flows http.smoke walks. One row per
 * engagement, JSON text shaped by shared/schemas/probes.ts. Not chained: a probe runs only what
 * the chained consent (086) names, and every smoke step's expectation is in its result's evidence.
 */
export const migration: Migration = {
  id: '085-probe-settings',
  sql: `
    CREATE TABLE probe_settings (
      engagement_id TEXT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
      endpoints TEXT NOT NULL DEFAULT '[]',
      flows TEXT NOT NULL DEFAULT '[]',
      updated_at TEXT NOT NULL
    );
  `,
}
