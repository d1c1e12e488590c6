import { z } from 'zod'
import { SYSTEM_KINDS } from '../systems'

export const SEVERITIES = ['launch-blocker', 'conversion-blocker', 'scale-risk'] as const
export type Severity = (typeof SEVERITIES)[number]

/**
 * Gates: items the engine decides from workspace facts rather than live checks.
 * `inventory-owners`: every launch-critical system in the access inventory names an owner.
 */
export const GATES = ['inventory-owners'] as const
export type Gate = (typeof GATES)[number]

/** A sprint template file in resources/templates/ (see docs/templates.md). */
function buildTemplateSchema() {
  const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'use lowercase letters, digits, dots and dashes')
  const sentence = z.string().trim().min(10, 'write a full sentence')

  const thresholdsSchema = z
    .object({
      p95PassMs: z.number().int().positive(),
      p95WarnMs: z.number().int().positive(),
      certWarnDays: z.number().int().positive(),
      certFailDays: z.number().int().positive(),
      domainWarnDays: z.number().int().positive(),
      domainFailDays: z.number().int().positive(),
    })
    .strict()

  const itemSchema = z
    .object({
      id,
      stage: id,
      title: z.string().trim().min(3),
      why: sentence,
      verify: z.string().trim().min(3),
      checks: z.array(z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, 'a check id like dns.hosts')).min(1).optional(),
      gate: z.enum(GATES).optional(),
      evidence: z.string().trim().min(3).optional(),
      fix: sentence,
      runbook: id.optional(),
      severity: z.enum(SEVERITIES),
      /** The access-inventory system it concerns: its owner owns the risk when the item names nobody. */
      system: z.enum(SYSTEM_KINDS).optional(),
    })
    .strict()
    .refine((i) => [i.verify === 'manual', !!i.checks, !!i.gate].filter(Boolean).length === 1, {
      message: 'an item has check ids, a gate, or verify: manual — exactly one of them',
      path: ['checks'],
    })
    .refine((i) => i.verify !== 'manual' || !!i.evidence, { message: 'a manual item says what evidence a person attaches', path: ['evidence'] })

  const variantSchema = z
    .object({
      label: z.string().min(1),
      note: z.string().optional(),
      upgrade: z.array(id).optional(),
      downgrade: z.array(id).optional(),
      thresholds: thresholdsSchema.partial().optional(),
    })
    .strict()

  return z
    .object({
      id,
      title: z.string().min(3),
      version: z.number().int().positive(),
      blocks: z.array(z.object({ id, title: z.string().min(1), hours: z.number().positive().max(48) }).strict()).min(1),
      stages: z.array(z.object({ id, title: z.string().min(1), block: id }).strict()).min(1),
      thresholds: thresholdsSchema,
      items: z.array(itemSchema).min(1),
      variants: z
        .object({ stage: z.record(z.string(), variantSchema), vertical: z.record(z.string(), variantSchema) })
        .strict(),
    })
    .strict()
    .superRefine((t, ctx) => {
      const blocks = new Set(t.blocks.map((b) => b.id))
      const stages = new Set(t.stages.map((s) => s.id))
      const items = new Set<string>()
      t.stages.forEach((s, i) => {
        if (!blocks.has(s.block)) ctx.addIssue({ code: 'custom', message: `unknown block "${s.block}"`, path: ['stages', i, 'block'] })
      })
      t.items.forEach((it, i) => {
        if (!stages.has(it.stage)) ctx.addIssue({ code: 'custom', message: `unknown stage "${it.stage}"`, path: ['items', i, 'stage'] })
        if (items.has(it.id)) ctx.addIssue({ code: 'custom', message: `duplicate item id "${it.id}"`, path: ['items', i, 'id'] })
        items.add(it.id)
      })
      for (const kind of ['stage', 'vertical'] as const) {
        for (const [name, v] of Object.entries(t.variants[kind])) {
          for (const ref of [...(v.upgrade ?? []), ...(v.downgrade ?? [])]) {
            if (!items.has(ref)) ctx.addIssue({ code: 'custom', message: `unknown item "${ref}"`, path: ['variants', kind, name] })
          }
        }
      }
    })
}

let schema: ReturnType<typeof buildTemplateSchema> | undefined

/**
 * The template schema, built on its first use: building it is ~15–20 ms of zod at a cold start,
 * and a bundled template comes validated from the build (electron/core/sprint/precompiled.ts).
 */
export function templateSchema(): ReturnType<typeof buildTemplateSchema> {
  return (schema ??= buildTemplateSchema())
}

export type Template = z.infer<ReturnType<typeof buildTemplateSchema>>
export type TemplateItem = Template['items'][number]
export type Thresholds = Template['thresholds']
