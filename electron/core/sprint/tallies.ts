import type { Statement } from 'better-sqlite3'
import type { Db } from '../workspace/db'
import type { Tally } from './plan'

/** Per engagement id: check id → the tally of that check's latest results (one per target). */
export type CheckTallies = Map<string, Map<string, Tally>>

interface Row extends Tally {
  e: string
  c: string
}

// The newest result per engagement × check × target (the same rows latestResults reads),
// counted per check. Only the winners' rows are read; the rest comes from the covering index.
const tallySql = (where: string) => `SELECT r.engagement_id AS e, r.check_id AS c, COUNT(*) AS n,
    SUM(r.status = 'fail') AS fail, SUM(r.status = 'error') AS error, SUM(r.status = 'skip') AS skip,
    SUM(r.status = 'warn') AS warn, MAX(r.finished_at) AS latestAt
  FROM check_results r
  JOIN (SELECT MAX(id) AS id FROM check_results ${where} GROUP BY engagement_id, check_id, target) l ON l.id = r.id
  GROUP BY r.engagement_id, r.check_id`

interface Statements {
  maxId: Statement<[], number>
  changedSince: Statement<[number], string>
  all: Statement<[], Row>
  one: Statement<[string], Row>
}

interface Cache {
  maxId: number
  tallies: CheckTallies
}

const statements = new WeakMap<Db, Statements>()
const caches = new WeakMap<Db, Cache>()

function prepare(db: Db): Statements {
  let q = statements.get(db)
  if (!q) {
    q = {
      maxId: db.prepare<[], number>('SELECT COALESCE(MAX(id), 0) FROM check_results').pluck(),
      changedSince: db.prepare<[number], string>('SELECT DISTINCT engagement_id FROM check_results WHERE id > ?').pluck(),
      all: db.prepare<[], Row>(tallySql('')),
      one: db.prepare<[string], Row>(tallySql('WHERE engagement_id = ?')),
    }
    statements.set(db, q)
  }
  return q
}

function fold(rows: Row[], into: CheckTallies = new Map()): CheckTallies {
  for (const { e, c, ...t } of rows) {
    let m = into.get(e)
    if (!m) into.set(e, (m = new Map()))
    m.set(c, t)
  }
  return into
}

/**
 * The latest results of every engagement, as tallies per check. Reading them all costs a scan
 * of the results index (~100 ms at 150k results), so they are kept per database and brought up
 * to date from the results added since: check results are only ever appended (AUTOINCREMENT
 * ids never come back), and only leave with their engagement. If results were ever deleted
 * otherwise (a retention rule), this cache must learn about it.
 */
export function checkTallies(db: Db): CheckTallies {
  const q = prepare(db)
  // one read transaction: another process (the CLI) may be appending results meanwhile
  return db.transaction(() => {
    const maxId = q.maxId.get() ?? 0
    const c = caches.get(db)
    if (c && c.maxId === maxId) return c.tallies
    const changed = c && maxId > c.maxId ? q.changedSince.all(c.maxId) : null
    if (!c || !changed || changed.length * 2 > c.tallies.size) {
      const tallies = fold(q.all.all())
      caches.set(db, { maxId, tallies })
      return tallies
    }
    for (const e of changed) {
      c.tallies.delete(e)
      fold(q.one.all(e), c.tallies)
    }
    c.maxId = maxId
    return c.tallies
  }).deferred()
}
