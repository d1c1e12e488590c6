import type { Migration } from '../migrations'

/**
 * The offline queue: a run whose network checks could not judge (the machine was offline, or
 * its network could not be trusted) records why and which check × target pairs wait, as JSON
 * `{ reason, since, pending: ["<checkId> <target>", …] }`. A later run on a sound network that
 * covers them empties `pending` and names itself in `resumed_by`. NULL: the run waits for nothing.
 */
export const migration: Migration = {
  id: '031-run-waiting',
  sql: `
    ALTER TABLE check_runs ADD COLUMN waiting TEXT;
    ALTER TABLE check_runs ADD COLUMN resumed_by TEXT;
  `,
}
