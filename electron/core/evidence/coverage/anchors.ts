import type { Db } from '../../workspace/db'
import { anchorInfo, openAnchor, storedAnchors, type AnchorInfo } from '../anchor'
import type { Disagreement } from './compare'

/**
 * Check an engagement's chain (already walked: `count` items, all linked) against every anchor
 * signed for it: each anchor must verify, and the chain must still hold the signed head at the
 * signed position. A chain shorter than an anchor was cut; a different hash there means the
 * chain was recomputed. Returns the newest anchor, or the first problem.
 */
export function checkAnchors(db: Db, engagementId: string, count: number): { anchor: AnchorInfo | null } | Disagreement {
  const hashAt = db.prepare<[string, number], string>('SELECT hash FROM evidence WHERE engagement_id = ? AND seq = ?').pluck()
  let newest: AnchorInfo | null = null
  for (const a of storedAnchors(db, engagementId)) {
    const opened = openAnchor(a)
    if (!opened.ok) return { seq: a.seq, reason: `the chain head signed for item ${a.seq}: ${opened.reason}` }
    const s = opened.statement
    if (s.engagementId !== engagementId || s.seq !== a.seq || s.head !== a.head) return { seq: a.seq, reason: `the anchor recorded for item ${a.seq} does not say what its signed statement says` }
    const when = `signed ${s.signedAt} by ${s.signer.name} (${s.purpose})`
    if (s.seq > count) {
      return { seq: count, reason: `the chain ends at item ${count}, but item ${s.seq} was its head when ${when}: items ${count + 1}–${s.seq} are missing` }
    }
    if (s.seq > 0 && hashAt.get(engagementId, s.seq) !== s.head) {
      return { seq: s.seq, reason: `item ${s.seq} is not the head that was ${when}: the chain was recomputed` }
    }
    if (!newest || s.seq >= newest.seq) newest = anchorInfo(s)
  }
  return { anchor: newest }
}
