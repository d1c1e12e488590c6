import type { Migration } from '../migrations'

/**
 * Sprints (one active per engagement), the per-item state a person sets (status override,
 * owner, notes, verdict, fix-order override, risk note), waivers, and attachments
 * (content-addressed files under the workspace's attachments/ folder).
 */
export const migration: Migration = {
  id: '040-sprint',
  sql: `
    CREATE TABLE sprints (
      id TEXT PRIMARY KEY,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      template_id TEXT NOT NULL,
      started_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      finished_at TEXT
    );
    CREATE INDEX sprints_engagement ON sprints(engagement_id, started_at);
    CREATE TABLE sprint_items (
      sprint_id TEXT NOT NULL REFERENCES sprints(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      status TEXT,
      owner TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      fix_order INTEGER,
      risk_note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (sprint_id, item_id)
    );
    CREATE TABLE waivers (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      sprint_id TEXT NOT NULL REFERENCES sprints(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      accepted_by TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE INDEX waivers_item ON waivers(sprint_id, item_id);
    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
      sprint_id TEXT,
      item_id TEXT,
      name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      mime TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX attachments_item ON attachments(sprint_id, item_id);
  `,
}
