import type { Migration } from '../migrations'

export const migration: Migration = {
  id: '001-engagements',
  sql: `
    CREATE TABLE engagements (
      id TEXT PRIMARY KEY,
      client_name TEXT NOT NULL,
      founder_name TEXT NOT NULL DEFAULT '',
      founder_email TEXT NOT NULL DEFAULT '',
      domain TEXT NOT NULL UNIQUE,
      stage TEXT NOT NULL,
      vertical TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE hosts (
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      role TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (engagement_id, name)
    );
    CREATE TABLE change_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      engagement_id TEXT,
      entity TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX change_log_engagement ON change_log(engagement_id, id);
  `,
}
