import type { Db } from '../workspace/db'
import { canonicalJson, sha256Hex } from './canonical'
import { redact, redactDeep } from '../vault/redact'

export const GENESIS = '0'.repeat(64)

export interface EvidenceInput {
  kind: string
  label: string
  checkId?: string
  target?: string
  status?: string
  data: unknown
}

export interface EvidenceRecord {
  id: number
  engagementId: string
  seq: number
  kind: string
  label: string
  checkId: string | null
  target: string | null
  status: string | null
  createdAt: string
  data: unknown
  prevHash: string
  hash: string
}

interface Row {
  id: number
  engagement_id: string
  seq: number
  kind: string
  label: string
  check_id: string | null
  target: string | null
  status: string | null
  created_at: string
  body: string
  prev_hash: string
  hash: string
}

/** The hash of one link: SHA-256 over the previous hash, a newline, and the canonical body. */
export function linkHash(prevHash: string, body: string): string {
  return sha256Hex(`${prevHash}\n${body}`)
}

/** Append-only evidence store with a per-engagement hash chain. */
export class EvidenceStore {
  private readonly q
  constructor(private readonly db: Db) {
    this.q = {
      last: db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM evidence WHERE engagement_id = ? ORDER BY seq DESC LIMIT 1'),
      // Positional parameters: binding by name costs a lookup per column on the hot path.
      insert: db.prepare<[string, number, string, string, string | null, string | null, string | null, string, string, string, string]>(
        `INSERT INTO evidence (engagement_id, seq, kind, label, check_id, target, status, created_at, body, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      byId: db.prepare<[number], Row>('SELECT * FROM evidence WHERE id = ?'),
      chain: db.prepare<[string, number, number], Row>('SELECT * FROM evidence WHERE engagement_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    }
  }

  /**
   * Append items for one engagement in one transaction (batched); returns their ids in order.
   * The stored body is the canonical JSON of everything but the hashes, so it can be re-hashed.
   */
  append(engagementId: string, items: EvidenceInput[]): number[] {
    return this.db.transaction(() => {
      const last = this.q.last.get(engagementId)
      let seq = last?.seq ?? 0
      let prev = last?.hash ?? GENESIS
      const ids: number[] = []
      const createdAt = new Date().toISOString()
      for (const it of items) {
        seq += 1
        const envelope = {
          engagementId,
          seq,
          kind: it.kind,
          label: redact(it.label),
          checkId: it.checkId ?? null,
          target: it.target ?? null,
          status: it.status ?? null,
          createdAt,
          // Secrets never enter evidence: registered values and secret-named fields are masked.
          data: redactDeep(it.data ?? null),
        }
        const body = canonicalJson(envelope)
        const hash = linkHash(prev, body)
        const r = this.q.insert.run(engagementId, seq, it.kind, envelope.label, envelope.checkId, envelope.target, envelope.status, createdAt, body, prev, hash)
        ids.push(Number(r.lastInsertRowid))
        prev = hash
      }
      return ids
    })()
  }

  get(id: number): EvidenceRecord | undefined {
    const r = this.q.byId.get(id)
    return r && toRecord(r)
  }

  /**
   * Walk an engagement's chain from the start and report the first broken link: a gap in seq,
   * a prev_hash that is not the previous item's hash, a body whose hash does not match, or a
   * column (kind, label, check, target, status, time) that says something other than the
   * hashed body. `visit` sees each verified item's body (the projections are checked from it)
   * and may return a reason to stop there.
   */
  verify(engagementId: string, visit?: (item: Envelope, id: number) => string | void): ChainWalk {
    let prev = GENESIS
    let expectSeq = 1
    let count = 0
    const page = 5000
    for (let after = 0; ; ) {
      const rows = this.q.chain.all(engagementId, after, page)
      for (const r of rows) {
        const fail = (reason: string) => ({ ok: false as const, count, seq: r.seq, reason })
        if (r.seq !== expectSeq) return { ok: false, count, seq: expectSeq, reason: `item ${expectSeq} is missing` }
        if (r.prev_hash !== prev) return fail(`item ${r.seq} does not link to item ${r.seq - 1}`)
        if (linkHash(prev, r.body) !== r.hash) return fail(`item ${r.seq} was altered (hash mismatch)`)
        const env = parseEnvelope(r.body)
        if (!env) return fail(`item ${r.seq}'s body is not an evidence envelope`)
        const column = disagreement(r, env, engagementId)
        if (column) return fail(`item ${r.seq}: ${column}`)
        const problem = visit?.(env, r.id)
        if (problem) return fail(problem)
        prev = r.hash
        expectSeq += 1
        count += 1
        after = r.seq
      }
      if (rows.length < page) break
    }
    return { ok: true, count, head: prev }
  }
}

/** An evidence item's hashed body: everything the columns repeat, and the data. */
export type Envelope = Omit<EvidenceRecord, 'id' | 'prevHash' | 'hash'>

export type ChainWalk = { ok: true; count: number; head: string } | { ok: false; count: number; seq: number; reason: string }

function parseEnvelope(body: string): Envelope | null {
  try {
    const v = JSON.parse(body) as Envelope
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null
  } catch {
    return null
  }
}

// Columns the timeline filters and shows without reading bodies: each must say what the body says.
const COLUMNS: [keyof Row, keyof Envelope][] = [
  ['seq', 'seq'],
  ['kind', 'kind'],
  ['label', 'label'],
  ['check_id', 'checkId'],
  ['target', 'target'],
  ['status', 'status'],
  ['created_at', 'createdAt'],
]

function disagreement(r: Row, env: Envelope, engagementId: string): string | null {
  if (env.engagementId !== engagementId) return 'its body belongs to another engagement'
  for (const [col, key] of COLUMNS) {
    if (r[col] !== (env[key] ?? null)) return `its ${col} column says ${JSON.stringify(r[col])} but its hashed body says ${JSON.stringify(env[key] ?? null)}`
  }
  return null
}

function toRecord(r: Row): EvidenceRecord {
  const env = JSON.parse(r.body) as { data: unknown }
  return {
    id: r.id,
    engagementId: r.engagement_id,
    seq: r.seq,
    kind: r.kind,
    label: r.label,
    checkId: r.check_id,
    target: r.target,
    status: r.status,
    createdAt: r.created_at,
    data: env.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}
