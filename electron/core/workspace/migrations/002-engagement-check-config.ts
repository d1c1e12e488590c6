import type { Migration } from '../migrations'

/**
 * Per-engagement check settings: DKIM selectors (mail.dkim) and key routes (http.routes), each a
 * JSON array of strings. Defaults keep old rows and old export files valid.
 */
export const migration: Migration = {
  id: '002-engagement-check-config',
  sql: `
    ALTER TABLE engagements ADD COLUMN dkim_selectors TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE engagements ADD COLUMN routes TEXT NOT NULL DEFAULT '[]';
  `,
}
