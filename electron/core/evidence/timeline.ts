import type { Statement } from 'better-sqlite3'
import type { Db } from '../workspace/db'

export interface TimelineFilter {
  engagementId: string
  /** A check id or a family: "http" matches http.https and http.cache. */
  checkId?: string
  /** Substring of the label, check id, target or kind, case-insensitive. */
  q?: string
  target?: string
  status?: string
  kind?: string
  /** ISO times, inclusive. */
  from?: string
  to?: string
  /** Keyset pagination: items with an id below this one (newest first). */
  before?: number
  limit?: number
}

export interface TimelineRow {
  id: number
  seq: number
  kind: string
  label: string
  checkId: string | null
  target: string | null
  status: string | null
  createdAt: string
  hash: string
}

/**
 * One page of an engagement's evidence, newest first, filtered by check, host, status, kind and
 * time. Keyset pagination on id keeps every page as fast as the first at 100k items; bodies are
 * not read (the viewer fetches one item at a time).
 */
export function timelinePage(db: Db, f: TimelineFilter): { rows: TimelineRow[]; next: number | null } {
  const { where, params } = conditions(f)
  const limit = Math.min(Math.max(f.limit ?? 100, 1), 500)
  const sql = `SELECT id, seq, kind, label, check_id AS checkId, target, status, created_at AS createdAt, hash
     FROM evidence WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`
  const rows = statement(db, sql).all({ ...params, limit: limit + 1 }) as TimelineRow[]
  const more = rows.length > limit
  if (more) rows.pop()
  return { rows, next: more ? rows[rows.length - 1].id : null }
}

/** How many items match (for the "n items" line of the viewer). */
export function timelineCount(db: Db, f: Omit<TimelineFilter, 'before' | 'limit'>): number {
  const { where, params } = conditions(f)
  // Unfiltered: seq runs 1..n without gaps per engagement (append-only, one transaction per
  // batch), so the count is the last seq, one index lookup instead of a 100k-entry walk.
  if (where.length === 1) return statement(db, 'SELECT coalesce(max(seq), 0) FROM evidence WHERE engagement_id = @engagementId').pluck().get(params) as number
  return statement(db, `SELECT count(*) FROM evidence WHERE ${where.join(' AND ')}`).pluck().get(params) as number
}

// Prepared statements per database and query shape (at most 2^7 filter combinations per query):
// preparing costs about as much as running an indexed page query.
const cache = new WeakMap<Db, Map<string, Statement>>()
function statement(db: Db, sql: string): Statement {
  let m = cache.get(db)
  if (!m) cache.set(db, (m = new Map()))
  let st = m.get(sql)
  if (!st) m.set(sql, (st = db.prepare(sql)))
  return st
}

const COLUMNS: [keyof TimelineFilter, string][] = [
  // a family name matches its checks; LIKE's wildcards in the input are escaped
  ['checkId', "(check_id = @checkId OR check_id LIKE @checkIdFamily ESCAPE '\\')"],
  ['q', "(label LIKE @q ESCAPE '\\' OR check_id LIKE @q ESCAPE '\\' OR target LIKE @q ESCAPE '\\' OR kind LIKE @q ESCAPE '\\')"],
  ['target', 'target = @target'],
  ['status', 'status = @status'],
  ['kind', 'kind = @kind'],
  ['from', 'created_at >= @from'],
  ['to', 'created_at <= @to'],
  ['before', 'id < @before'],
]

/** SQL conditions and bound parameters for the filters that are set (values are always bound, never inlined). */
function conditions(f: Partial<TimelineFilter>): { where: string[]; params: Record<string, unknown> } {
  const where = ['engagement_id = @engagementId']
  const params: Record<string, unknown> = { engagementId: f.engagementId }
  for (const [key, sql] of COLUMNS) {
    if (f[key] === undefined || f[key] === '' || f[key] === null) continue
    where.push(sql)
    params[key] = key === 'q' ? `%${likeEscape(String(f.q))}%` : f[key]
  }
  if (params.checkId !== undefined) params.checkIdFamily = `${likeEscape(String(params.checkId))}.%`
  return { where, params }
}

/** A value LIKE matches literally: its % and _ (and the escape character) escaped. */
function likeEscape(v: string): string {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`)
}
