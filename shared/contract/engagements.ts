import { engagementCreateSchema, engagementUpdateSchema, idSchema, type Engagement } from '../schemas/engagement'
import type { EngagementSummary } from '../schemas/summary'
import { z } from 'zod'
import { method, none } from './method'

export interface AppInfo {
  version: string
  workspace: string
  mode: 'electron' | 'browser'
  platform: string
  /** Served on a sandbox (`serve --lab`): checks use the sandbox's own credentials, not the vault's. */
  sandbox?: boolean
}

const removeSchema = idSchema.extend({ undoable: z.boolean().optional() })

/** App and engagement methods. */
export const engagementMethods = {
  appInfo: method<typeof none, AppInfo>(none),
  listEngagements: method<typeof none, Engagement[]>(none),
  /** One summary per engagement for the list: sprint clock, progress, worst open risk, rotation due. */
  engagementSummaries: method<typeof none, EngagementSummary[]>(none),
  getEngagement: method<typeof idSchema, Engagement>(idSchema),
  createEngagement: method<typeof engagementCreateSchema, Engagement>(engagementCreateSchema),
  updateEngagement: method<typeof engagementUpdateSchema, Engagement>(engagementUpdateSchema),
  /**
   * Delete an engagement. With `undoable` (the app) it disappears at once and is deleted for good
   * after `undoWithinMs` plus a grace period, or when the workspace closes; restoreEngagement undoes it until then.
   */
  removeEngagement: method<typeof removeSchema, { id: string; undoWithinMs?: number }>(removeSchema),
  restoreEngagement: method<typeof idSchema, Engagement>(idSchema),
  /** One file with the engagement's evidence, attachments, hashes and the chain head signed by the consultant (gzip'd JSON, base64). */
  exportEngagement: method<typeof idSchema, { fileName: string; dataBase64: string; evidence: number }>(idSchema),
  /**
   * Checks every row, the chain, its signed head and attachment hashes first, then every result,
   * verdict, waiver and inventory row against the chain; refuses a tampered file, writing nothing.
   */
  importEngagement: method<z.ZodObject<{ dataBase64: z.ZodString }>, { id: string; domain: string; evidence: number; signedBy: { name: string; fingerprint: string; signedAt: string } }>(
    z.object({ dataBase64: z.string().min(1).max(200_000_000) }),
  ),
  verifyEvidence: method<typeof idSchema, EvidenceVerdict>(idSchema),
}

/** The newest signed anchor a chain still satisfies: the head of item `seq`, signed when a bundle was built or the engagement exported. */
export interface ChainAnchor {
  seq: number
  head: string
  signedAt: string
  purpose: 'bundle' | 'export'
  signer: { name: string; fingerprint: string }
}

/**
 * The chain and every table it covers (results, item states, waivers, inventory, runbook runs)
 * agree, and every signed anchor still holds; or the first thing that disagrees (`seq` is the
 * evidence item concerned, 0 when a table row has none).
 */
export type EvidenceVerdict = { ok: true; count: number; head: string; anchor: ChainAnchor | null } | { ok: false; count: number; seq: number; reason: string }
