import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE } from './paths'
import { MIGRATIONS, byId, type Migration } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  migrations?: Migration[]
}

/** How long a connection waits for another process's write to finish before giving up. */
export const BUSY_TIMEOUT_MS = 15_000

export { BUSY_MESSAGE, isBusyError } from './busy'

/**
 * Open (or create) the workspace database in `dir`, or an in-memory one for ':memory:'.
 * WAL journal, foreign keys on, busy timeout for the CLI and the app sharing the file,
 * write transactions that start IMMEDIATE, then every pending migration under one write lock.
 */
export function openDatabase(dir: string, opts: OpenOptions = {}): Db {
  let file = ':memory:'
  if (dir !== ':memory:') {
    mkdirSync(dir, { recursive: true })
    file = join(dir, DB_FILE)
  }
  const db = new Database(file)
  // First: switching a new file to WAL takes a lock that other processes may hold.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  immediateTransactions(db)
  migrate(db, opts.migrations ?? MIGRATIONS)
  return db
}

/**
 * Make `db.transaction(fn)()` begin IMMEDIATE. A deferred transaction that reads and then
 * writes gets SQLITE_BUSY at once when another process wrote in between (the busy timeout
 * cannot help it); an immediate one takes the write lock first and waits its turn. The
 * other variants (`.deferred`, `.exclusive`) stay available on the returned function.
 */
function immediateTransactions(db: Db): void {
  const make = db.transaction.bind(db)
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) => make(fn).immediate) as Db['transaction']
}

/**
 * Apply migrations not yet recorded in the `migrations` table, in id order, all in one
 * IMMEDIATE transaction: processes opening a new workspace at once queue on the write lock, the
 * first applies everything, the others then find nothing left to do. A failure applies nothing.
 */
export function migrate(db: Db, migrations: Migration[]): string[] {
  const sorted = [...migrations].sort(byId)
  const pending = () => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get()
    const done = new Set(exists ? (db.prepare('SELECT id FROM migrations').pluck().all() as string[]) : [])
    return sorted.filter((m) => !done.has(m.id))
  }
  // Up to date (the common case): no write lock at all.
  if (!pending().length) return []
  return db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)
    const todo = pending()
    for (const m of todo) {
      db.exec(m.sql)
      m.run?.(db)
      db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)').run(m.id, new Date().toISOString())
    }
    return todo.map((m) => m.id)
  })()
}
