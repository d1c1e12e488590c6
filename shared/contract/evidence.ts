import { z } from 'zod'
import { method } from './method'

const short = z.string().max(300).optional()

export const timelineSchema = z.object({
  engagementId: z.string().min(1).max(100),
  /** A check id, or a family ("http" matches http.https, http.cache …). */
  checkId: short,
  target: short,
  /** Words to find in an item's label, check, host or kind (case-insensitive, substring). */
  q: short,
  status: z.enum(['pass', 'warn', 'fail', 'error', 'skip']).optional(),
  kind: short,
  from: short,
  to: short,
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).optional(),
  /** Count the whole filtered timeline (default). A viewer paging on asks once, on the first page. */
  count: z.boolean().optional(),
})

export interface TimelineItem {
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

export interface EvidenceDetail extends TimelineItem {
  data: unknown
  prevHash: string
}

/** The evidence timeline (filtered, paged) and one item with its data. */
export const evidenceMethods = {
  evidenceTimeline: method<typeof timelineSchema, { rows: TimelineItem[]; next: number | null; total: number | null }>(timelineSchema),
  getEvidence: method<z.ZodObject<{ id: z.ZodNumber }>, EvidenceDetail>(z.object({ id: z.number().int().positive() })),
}
