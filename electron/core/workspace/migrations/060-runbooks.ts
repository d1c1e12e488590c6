import type { Migration } from '../migrations'

/** Runbook runs: where each run stands (resumable after a restart) and its inputs. The step log is evidence. */
export const migration: Migration = {
  id: '060-runbooks',
  sql: `
    CREATE TABLE runbook_runs (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      runbook_id TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      current_step TEXT,
      by TEXT NOT NULL DEFAULT '',
      inputs TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX runbook_runs_engagement ON runbook_runs(engagement_id, started_at);
  `,
}
