import { z } from 'zod'
import type { SprintStatus } from '../schemas/sprint'
import { method, none } from './method'

const ref = z.string().min(1).max(100)
const itemId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/).max(100)

export const itemPatchSchema = z
  .object({
    status: z.enum(['todo', 'doing', 'pass', 'fail', 'blocked']).nullable().optional(),
    owner: z.string().trim().max(200).optional(),
    notes: z.string().max(20_000).optional(),
    fixOrder: z.number().int().min(1).max(1000).nullable().optional(),
    riskNote: z.string().trim().max(2000).optional(),
  })
  .strict()

export const waiverSchema = z.object({
  engagementId: ref,
  itemId,
  reason: z.string().trim().min(5, 'say why the risk is accepted').max(2000),
  acceptedBy: z.string().trim().min(1, 'who accepted the risk?').max(200),
  expiresAt: z.string().min(8).max(40),
})

export const verdictSchema = z.object({
  engagementId: ref,
  itemId,
  verdict: z.enum(['pass', 'fail']),
  note: z.string().max(20_000).optional(),
  by: z.string().max(200).optional(),
  attachments: z
    .array(z.object({ name: z.string().min(1).max(300), mime: z.string().max(200).optional(), dataBase64: z.string().max(36_000_000) }))
    .max(20)
    .optional(),
})

export const runSprintSchema = z
  .object({ engagementId: ref, itemId: itemId.optional(), stage: itemId.optional(), failed: z.boolean().optional() })
  .strict()

export interface AttachmentInfo {
  id: number
  itemId: string | null
  name: string
  sha256: string
  size: number
  mime: string
  createdAt: string
}

/** An attachment to open: its bytes, and how it may be previewed (null: download only). */
export interface AttachmentContent {
  name: string
  size: number
  sha256: string
  /** image/png, image/jpeg, image/gif or image/webp, told by the bytes; null for anything else (never shown inline). */
  previewType: string | null
  dataBase64: string
}

/** Sprint methods: templates, the 48-hour plan, items, waivers, verdicts and attachments. */
export const sprintMethods = {
  listTemplates: method<typeof none, { id: string; title: string }[]>(none),
  startSprint: method<z.ZodObject<{ engagementId: typeof ref; templateId: z.ZodOptional<typeof itemId> }>, SprintStatus>(
    z.object({ engagementId: ref, templateId: itemId.optional() }),
  ),
  sprintStatus: method<z.ZodObject<{ engagementId: typeof ref }>, SprintStatus | null>(z.object({ engagementId: ref })),
  finishSprint: method<z.ZodObject<{ engagementId: typeof ref }>, SprintStatus>(z.object({ engagementId: ref })),
  updateSprintItem: method<z.ZodObject<{ engagementId: typeof ref; itemId: typeof itemId; patch: typeof itemPatchSchema }>, SprintStatus>(
    z.object({ engagementId: ref, itemId, patch: itemPatchSchema }),
  ),
  waiveItem: method<typeof waiverSchema, SprintStatus>(waiverSchema),
  revokeWaiver: method<z.ZodObject<{ engagementId: typeof ref; itemId: typeof itemId }>, SprintStatus>(z.object({ engagementId: ref, itemId })),
  recordVerdict: method<typeof verdictSchema, SprintStatus>(verdictSchema),
  /** Run the checks behind one item, a stage, the failing items or the whole plan; progress streams as events. */
  runSprint: method<typeof runSprintSchema, { runId: string; total: number; checkIds: string[] }>(runSprintSchema),
  readAttachment: method<z.ZodObject<{ engagementId: typeof ref; id: z.ZodNumber }>, AttachmentContent>(z.object({ engagementId: ref, id: z.number().int().min(1) })),
  listAttachments: method<z.ZodObject<{ engagementId: typeof ref; itemId: z.ZodOptional<typeof itemId> }>, AttachmentInfo[]>(
    z.object({ engagementId: ref, itemId: itemId.optional() }),
  ),
}
