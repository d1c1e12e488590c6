import type { Migration } from '../migrations'

/**
 * Where a check run came from: NULL for a run someone started (the board, Run all, the CLI's
 * audit), 'runbook' for the checks of a runbook's verify step. Runbook verifications store their
 * results like any run (they are the latest word on those checks) but are not listed as runs.
 */
export const migration: Migration = {
  id: '090-run-origin',
  sql: `ALTER TABLE check_runs ADD COLUMN origin TEXT;`,
}
