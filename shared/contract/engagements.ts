import { engagementCreateSchema, engagementUpdateSchema, idSchema, type Engagement } from '../schemas/engagement'
import type { EngagementSummary } from '../schemas/summary'
import { z } from 'zod'
import { method, none } from './method'

export interface AppInfo {
  version: string
  workspace: string
  mode: 'electron' | 'browser'
  platform: string
}

/** App and engagement methods. */
export const engagementMethods = {
  appInfo: method<typeof none, AppInfo>(none),
  listEngagements: method<typeof none, Engagement[]>(none),
  /** One summary per engagement for the list: sprint clock, progress, worst open risk, rotation due. */
  engagementSummaries: method<typeof none, EngagementSummary[]>(none),
  getEngagement: method<typeof idSchema, Engagement>(idSchema),
  createEngagement: method<typeof engagementCreateSchema, Engagement>(engagementCreateSchema),
  updateEngagement: method<typeof engagementUpdateSchema, Engagement>(engagementUpdateSchema),
  removeEngagement: method<typeof idSchema, { id: string }>(idSchema),
  /** One file with the engagement's evidence, attachments and hashes (gzip'd JSON, base64). */
  exportEngagement: method<typeof idSchema, { fileName: string; dataBase64: string; evidence: number }>(idSchema),
  /** Verifies the chain and attachment hashes first; refuses a tampered file. */
  importEngagement: method<z.ZodObject<{ dataBase64: z.ZodString }>, { id: string; domain: string; evidence: number }>(
    z.object({ dataBase64: z.string().min(1).max(200_000_000) }),
  ),
  verifyEvidence: method<typeof idSchema, EvidenceVerdict>(idSchema),
}

export type EvidenceVerdict = { ok: true; count: number; head: string } | { ok: false; count: number; seq: number; reason: string }
