import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE } from './paths'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  migrations?: Migration[]
}

/**
 * Open (or create) the workspace database in `dir`, or an in-memory one for ':memory:'.
 * WAL journal, foreign keys on, busy timeout for the CLI and the app sharing the file,
 * then every pending migration in order, each in its own transaction.
 */
export function openDatabase(dir: string, opts: OpenOptions = {}): Db {
  let file = ':memory:'
  if (dir !== ':memory:') {
    mkdirSync(dir, { recursive: true })
    file = join(dir, DB_FILE)
  }
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db, opts.migrations ?? MIGRATIONS)
  return db
}

/** Apply migrations not yet recorded in the `migrations` table, in id order. */
export function migrate(db: Db, migrations: Migration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)
  const done = new Set(db.prepare('SELECT id FROM migrations').pluck().all() as string[])
  const applied: string[] = []
  const sorted = [...migrations].sort((a, b) => a.id.localeCompare(b.id))
  for (const m of sorted) {
    if (done.has(m.id)) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)').run(m.id, new Date().toISOString())
    })()
    applied.push(m.id)
  }
  return applied
}
