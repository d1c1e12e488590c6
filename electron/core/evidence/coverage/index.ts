import type { Db } from '../../workspace/db'
import type { AnchorInfo } from '../anchor'
import type { EvidenceStore } from '../store'
import { checkAnchors } from './anchors'
import { compareState } from './compare'
import { ChainState } from './fold'
import { verifyResults } from './results'
import { readState } from './tables'

/** `evidence verify` for one engagement: the chain, its anchors, and every table it covers. */
export type ChainVerdict = { ok: true; count: number; head: string; anchor: AnchorInfo | null } | { ok: false; count: number; seq: number; reason: string }

/**
 * Verify everything an engagement's conclusions rest on, stopping at the first problem:
 * 1. the hash chain, and each item's columns against its hashed body (EvidenceStore.verify);
 * 2. every signed anchor: the chain still holds each signed head (no cut tail, no recomputed chain);
 * 3. check_results against the check.result items, one row per item, in order;
 * 4. sprints, item states, waivers, attachments, inventory and runbook runs against the state
 *    the chain's items state.
 */
export function verifyChain(db: Db, evidence: EvidenceStore, engagementId: string): ChainVerdict {
  const state = new ChainState()
  const walk = evidence.verify(engagementId, (env) => state.apply(env))
  if (!walk.ok) return walk
  const fail = (d: { seq: number; reason: string }): ChainVerdict => ({ ok: false, count: walk.count, seq: d.seq, reason: d.reason })
  const anchors = checkAnchors(db, engagementId, walk.count)
  if ('reason' in anchors) return fail(anchors)
  const results = verifyResults(db, engagementId)
  if (results) return fail(results)
  const tables = compareState(state, readState(db, engagementId))
  if (tables) return fail(tables)
  return { ok: true, count: walk.count, head: walk.head, anchor: anchors.anchor }
}
