import type { Migration } from '../migrations'

/** Workspace settings as JSON documents by key ("network": resolvers, connect-to rules, politeness limits). */
export const migration: Migration = {
  id: '070-settings',
  sql: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
}
