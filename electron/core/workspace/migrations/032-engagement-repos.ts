import type { Migration } from '../migrations'

/**
 * The client's repositories per engagement (secrets.repo): a JSON array of absolute paths and
 * https:// clone URLs, normalised by shared/schemas/check-config.ts normalizeRepo.
 */
export const migration: Migration = {
  id: '032-engagement-repos',
  sql: `ALTER TABLE engagements ADD COLUMN repos TEXT NOT NULL DEFAULT '[]';`,
}
