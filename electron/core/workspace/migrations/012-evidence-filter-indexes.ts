import type { Migration } from '../migrations'

/**
 * Timeline indexes that carry every filter column, so SQLite checks the filters on the index
 * entry and reads the table row (one ~4 KB page per 2 KB item) only for the ≤ 101 rows of a
 * page. Before: a filter on check + host + status read ~1,200 table rows per page, the
 * unfiltered newest-first page sorted all 100k rows (~280 ms) and the time filter did too.
 *
 * - evidence_recent: newest first with no equality filter (the default view, time and kind
 *   filters, keyset paging); replaces evidence_time, whose range scan needed a full sort.
 * - evidence_check / evidence_target: the same, led by the two filters with many values.
 *   Status and kind have a handful of values each, so evidence_recent serves them (checking
 *   them on the index entry) and the old evidence_status goes: one index less to write.
 * - evidence_kind: the runbook log (kind + target in seq order) without a 100k-row walk.
 * Figures: docs/performance.md (store.query).
 */
export const migration: Migration = {
  id: '012-evidence-filter-indexes',
  sql: `
    DROP INDEX IF EXISTS evidence_time;
    DROP INDEX IF EXISTS evidence_check;
    DROP INDEX IF EXISTS evidence_status;
    DROP INDEX IF EXISTS evidence_target;
    CREATE INDEX evidence_recent ON evidence(engagement_id, id, kind, check_id, target, status, created_at);
    CREATE INDEX evidence_check ON evidence(engagement_id, check_id, id, kind, target, status, created_at);
    CREATE INDEX evidence_target ON evidence(engagement_id, target, id, kind, check_id, status, created_at);
    CREATE INDEX evidence_kind ON evidence(engagement_id, kind, target, seq);
  `,
}
