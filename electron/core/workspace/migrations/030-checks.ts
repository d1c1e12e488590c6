import type { Migration } from '../migrations'

/**
 * Check runs and their results. A result points at the first evidence item it recorded; the
 * latest result per check × target is what the UI shows. A run left 'running' by a killed
 * process is shown as interrupted.
 */
export const migration: Migration = {
  id: '030-checks',
  sql: `
    CREATE TABLE check_runs (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      status TEXT NOT NULL,
      cancelled INTEGER NOT NULL DEFAULT 0,
      total INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX check_runs_engagement ON check_runs(engagement_id, started_at);
    CREATE TABLE check_results (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      run_id TEXT NOT NULL REFERENCES check_runs(id) ON DELETE CASCADE,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      check_id TEXT NOT NULL,
      target TEXT NOT NULL,
      status TEXT NOT NULL,
      summary TEXT NOT NULL,
      details TEXT NOT NULL,
      duration_ms INTEGER NOT NULL,
      evidence_id INTEGER,
      finished_at TEXT NOT NULL
    );
    CREATE INDEX check_results_run ON check_results(run_id, id);
    CREATE INDEX check_results_latest ON check_results(engagement_id, check_id, target, id);
  `,
}
