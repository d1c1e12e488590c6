import type { Db } from '../../workspace/db'
import { canonicalJson } from '../canonical'
import { FACT } from '../facts'
import type { Envelope } from '../store'
import type { Disagreement } from './compare'

interface Joined {
  id: number
  run_id: string
  check_id: string
  target: string
  status: string
  summary: string
  details: string
  finished_at: string
  evidence_id: number | null
  seq: number | null
  kind: string | null
  body: string | null
  owner: string | null
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** The first field of a result row that says something other than its check.result item, or null. */
function differs(r: Joined, env: Envelope): string | null {
  const d = (env.data ?? {}) as Record<string, unknown>
  const pairs: [string, unknown, unknown][] = [
    ['check', r.check_id, env.checkId],
    ['target', r.target, env.target],
    ['status', r.status, env.status],
    ['status', r.status, d.status],
    ['summary', r.summary, d.summary],
    ['details', parse(r.details), d.details ?? {}],
  ]
  // Items recorded before results carried their run and time state neither.
  if ('runId' in d) pairs.push(['run', r.run_id, d.runId])
  if ('finishedAt' in d) pairs.push(['finished time', r.finished_at, d.finishedAt])
  for (const [field, table, chain] of pairs) {
    if (canonicalJson(table ?? null) !== canonicalJson(chain ?? null)) {
      if (field === 'details') return `its details differ from those in evidence item ${r.seq}`
      return `${field} is ${canonicalJson(table ?? null)} in the table but ${canonicalJson(chain ?? null)} in evidence item ${r.seq}`
    }
  }
  return null
}

/**
 * check_results is a projection of the chain's check.result items: each row repeats exactly one
 * item of its engagement (check, target, status, summary, details, run, time), every such item
 * has exactly one row, and for each check × target the rows' order is the items' order (the
 * latest row is the latest observation). Returns the first row that disagrees.
 */
export function verifyResults(db: Db, engagementId: string): Disagreement | null {
  const rows = db
    .prepare<[string], Joined>(
      `SELECT r.id, r.run_id, r.check_id, r.target, r.status, r.summary, r.details, r.finished_at, r.evidence_id,
              e.seq, e.kind, e.body, e.engagement_id AS owner
       FROM check_results r LEFT JOIN evidence e ON e.id = r.evidence_id
       WHERE r.engagement_id = ? ORDER BY r.id`,
    )
    .iterate(engagementId)
  const seen = new Set<number>()
  const lastSeq = new Map<string, number>()
  let count = 0
  for (const r of rows) {
    const name = `check result ${r.id} (${r.check_id} ${r.target})`
    if (r.evidence_id == null || r.kind !== FACT.result || r.owner !== engagementId || r.body == null || r.seq == null) {
      return { seq: r.seq ?? 0, reason: `${name} is not backed by a check.result item of this engagement's evidence chain` }
    }
    if (seen.has(r.evidence_id)) return { seq: r.seq, reason: `${name} repeats evidence item ${r.seq}, which another result row already stands for` }
    seen.add(r.evidence_id)
    const why = differs(r, JSON.parse(r.body) as Envelope)
    if (why) return { seq: r.seq, reason: `${name}: ${why}` }
    const group = `${r.check_id}\u0000${r.target}`
    if ((lastSeq.get(group) ?? 0) > r.seq) return { seq: r.seq, reason: `${name} is ordered after a later observation of the same check and target (evidence item ${r.seq})` }
    lastSeq.set(group, r.seq)
    count += 1
  }
  const items = db.prepare<[string, string], number>('SELECT count(*) FROM evidence WHERE engagement_id = ? AND kind = ?').pluck().get(engagementId, FACT.result) ?? 0
  if (items !== count) {
    const seq = db
      .prepare<[string, string], number>(
        'SELECT e.seq FROM evidence e WHERE e.engagement_id = ? AND e.kind = ? AND NOT EXISTS (SELECT 1 FROM check_results r WHERE r.evidence_id = e.id) ORDER BY e.seq LIMIT 1',
      )
      .pluck()
      .get(engagementId, FACT.result)
    return { seq: seq ?? 0, reason: `evidence item ${seq} records a check result that has no row in check_results (the result was deleted)` }
  }
  return null
}
