import type { Migration } from '../migrations'

/**
 * Watching after the handover (this machine's state, never exported with an engagement):
 * where each domain's latest handover bundle lives (built here, or drifted here), and the alerts
 * `watch` has raised: when each was first and last seen, when it was last delivered on each
 * channel (so a regression is sent once, then only as a reminder), and when it cleared.
 */
export const migration: Migration = {
  id: '062-watch',
  sql: `
    CREATE TABLE bundle_locations (
      domain TEXT PRIMARY KEY,
      dir TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    );
    CREATE TABLE watch_alerts (
      key TEXT PRIMARY KEY,
      domain TEXT NOT NULL,
      kind TEXT NOT NULL,
      headline TEXT NOT NULL,
      first_seen TEXT NOT NULL,
      last_seen TEXT NOT NULL,
      sent_webhook TEXT,
      sent_email TEXT,
      cleared_at TEXT
    );
    CREATE INDEX watch_alerts_domain ON watch_alerts(domain, cleared_at);
  `,
}
