import { openAnchor } from '../../evidence/anchor'
import { canonicalJson } from '../../evidence/canonical'
import { GENESIS, linkHash, type EvidenceRecord } from '../../evidence/store'
import type { VerifyItem } from '@shared/contract/handover'

interface EvidenceFile {
  anchor?: { statement?: unknown; signature?: unknown }
  items?: unknown
}

/** An item as evidence.json carries it. */
type Item = Omit<EvidenceRecord, 'id' | 'engagementId'> & {
  /** Set by the bundle builder when the data had to be masked: the item cannot re-hash. */
  masked?: boolean
}

const NAME = 'evidence chain'

/**
 * evidence.json against its signed head: the consultant's key (signer.pub.pem) signed "the chain
 * of this engagement ended at item N with hash H"; every item in the file must re-hash, link by
 * link, to exactly that head. So the evidence a founder holds is the chain the app verified, not
 * a copy that could have been edited before signing. Bundles made before heads were signed have
 * none: that is said, not failed (the manifest signature still covers the file).
 */
export function verifyEvidenceChain(bytes: Buffer | undefined, signerPem: string, domain: string): VerifyItem | null {
  if (!bytes) return null
  let doc: EvidenceFile
  try {
    doc = JSON.parse(bytes.toString('utf8')) as EvidenceFile
  } catch {
    return { name: NAME, ok: false, detail: 'evidence.json is not JSON' }
  }
  if (!doc || typeof doc !== 'object') return { name: NAME, ok: false, detail: 'evidence.json is not an evidence file' }
  if (!doc.anchor) return { name: NAME, ok: true, detail: 'no signed chain head (a bundle made before heads were signed); the manifest signature covers evidence.json' }
  const opened = openAnchor({ ...doc.anchor, publicKey: signerPem })
  if (!opened.ok) return { name: NAME, ok: false, detail: opened.reason }
  const s = opened.statement
  if (s.domain !== domain) return { name: NAME, ok: false, detail: `the signed head is for ${s.domain}, the bundle for ${domain}` }
  const items = Array.isArray(doc.items) ? (doc.items as Item[]) : null
  if (!items) return { name: NAME, ok: false, detail: 'evidence.json has no list of items' }
  if (items.length !== s.seq) return { name: NAME, ok: false, detail: `evidence.json holds ${items.length} items, the signed head covers ${s.seq}` }
  let prev = GENESIS
  let masked = 0
  for (const [i, it] of items.entries()) {
    const seq = i + 1
    if (!it || typeof it !== 'object' || it.seq !== seq || it.prevHash !== prev || !/^[0-9a-f]{64}$/.test(String(it.hash))) return { name: NAME, ok: false, detail: `item ${seq} does not link to item ${seq - 1}` }
    const body = canonicalJson({ engagementId: s.engagementId, seq, kind: it.kind, label: it.label, checkId: it.checkId, target: it.target, status: it.status, createdAt: it.createdAt, data: it.data })
    if (it.masked === true) masked += 1
    else if (linkHash(prev, body) !== it.hash) return { name: NAME, ok: false, detail: `item ${seq} does not re-hash to the hash it carries: it was changed` }
    prev = it.hash
  }
  if (prev !== s.head) return { name: NAME, ok: false, detail: 'the items do not end at the signed head' }
  const note = masked ? `; ${masked} masked for the bundle (a secret registered after they were recorded) link by their recorded hash` : ''
  return { name: NAME, ok: true, detail: `${items.length - masked} items re-hash to the head ${s.signer.name} signed on ${s.signedAt}${note}` }
}
