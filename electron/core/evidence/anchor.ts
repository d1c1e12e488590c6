import type { Db } from '../workspace/db'
import { canonicalJson } from './canonical'
import { tryKeyFingerprint } from '../handover/fingerprint'
import { verifyEd25519 } from '../handover/bundle/manifest'

export const ANCHOR_FORMAT = 'handover-anchor/1'

/** What a signed anchor says: "the chain of this engagement had this head at item `seq`". */
export interface AnchorStatement {
  format: typeof ANCHOR_FORMAT
  engagementId: string
  domain: string
  /** The last item the head covers (the chain's length then). */
  seq: number
  /** That item's hash. */
  head: string
  signedAt: string
  /** Why it was signed: a bundle was built, or the engagement was exported. */
  purpose: 'bundle' | 'export'
  signer: { name: string; fingerprint: string }
}

/** A statement as signed: its exact bytes (canonical JSON), the Ed25519 signature and the key. */
export interface SignedAnchor {
  statement: string
  /** base64 */
  signature: string
  /** SPKI PEM of the signing key. */
  publicKey: string
}

/** The consultant's signing key, as much of it as an anchor needs. */
export interface AnchorSigner {
  name: string
  fingerprint: string
  publicPem: string
  sign(data: Buffer): Buffer
}

/** What verify says about the newest anchor a chain satisfies. */
export interface AnchorInfo {
  seq: number
  head: string
  signedAt: string
  purpose: AnchorStatement['purpose']
  signer: { name: string; fingerprint: string }
}

/** Sign the head of a chain and record the anchor in the workspace (append-only table). */
export function signAnchor(
  db: Db,
  o: { engagementId: string; domain: string; seq: number; head: string; purpose: AnchorStatement['purpose']; signer: AnchorSigner; now?: Date },
): SignedAnchor {
  const statement: AnchorStatement = {
    format: ANCHOR_FORMAT,
    engagementId: o.engagementId,
    domain: o.domain,
    seq: o.seq,
    head: o.head,
    signedAt: (o.now ?? new Date()).toISOString(),
    purpose: o.purpose,
    signer: { name: o.signer.name, fingerprint: o.signer.fingerprint },
  }
  const text = canonicalJson(statement)
  const anchor: SignedAnchor = { statement: text, signature: o.signer.sign(Buffer.from(text, 'utf8')).toString('base64'), publicKey: o.signer.publicPem }
  db.prepare(
    'INSERT INTO evidence_anchors (engagement_id, seq, head, purpose, signed_at, statement, signature, public_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(o.engagementId, o.seq, o.head, o.purpose, statement.signedAt, text, anchor.signature, anchor.publicKey)
  return anchor
}

/**
 * Check an anchor on its own: the signature verifies with its key, the statement is one, and
 * the key is the one the statement names. Returns the statement, or why it cannot be trusted.
 * Whether the chain still matches it is the caller's question (chain.ts, import, bundle verify).
 */
export function openAnchor(a: unknown): { ok: true; statement: AnchorStatement } | { ok: false; reason: string } {
  if (!a || typeof a !== 'object') return { ok: false, reason: 'no signed chain head' }
  const { statement, signature, publicKey } = a as Partial<SignedAnchor>
  if (typeof statement !== 'string' || typeof signature !== 'string' || typeof publicKey !== 'string') return { ok: false, reason: 'the signed chain head is incomplete' }
  let s: AnchorStatement
  try {
    s = JSON.parse(statement) as AnchorStatement
  } catch {
    return { ok: false, reason: 'the signed chain head is not JSON' }
  }
  if (s?.format !== ANCHOR_FORMAT || typeof s.engagementId !== 'string' || !Number.isSafeInteger(s.seq) || s.seq < 0 || !/^[0-9a-f]{64}$/.test(String(s.head)) || typeof s.signedAt !== 'string') {
    return { ok: false, reason: 'the signed chain head is not a handover anchor' }
  }
  if (canonicalJson(s) !== statement) return { ok: false, reason: 'the signed chain head is not in canonical form' }
  const fp = tryKeyFingerprint(publicKey)
  if (!fp || !verifyEd25519(publicKey, Buffer.from(statement, 'utf8'), Buffer.from(signature, 'base64'))) return { ok: false, reason: 'the signature over the chain head does not verify' }
  if (s.signer?.fingerprint !== fp) return { ok: false, reason: 'the chain head names a signer key other than the one that signed it' }
  return { ok: true, statement: s }
}

/** The anchors recorded for an engagement, oldest first, as signed. */
export function storedAnchors(db: Db, engagementId: string): (SignedAnchor & { id: number; seq: number; head: string })[] {
  return db
    .prepare<[string], { id: number; seq: number; head: string; statement: string; signature: string; public_key: string }>(
      'SELECT id, seq, head, statement, signature, public_key FROM evidence_anchors WHERE engagement_id = ? ORDER BY seq, id',
    )
    .all(engagementId)
    .map((r) => ({ id: r.id, seq: r.seq, head: r.head, statement: r.statement, signature: r.signature, publicKey: r.public_key }))
}

/** The summary verify reports for a statement. */
export function anchorInfo(s: AnchorStatement): AnchorInfo {
  return { seq: s.seq, head: s.head, signedAt: s.signedAt, purpose: s.purpose, signer: s.signer }
}
