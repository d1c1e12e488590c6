import { z } from 'zod'
import { CREDENTIAL_PROVIDERS } from '../contract/credentials'

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes')
const checkId = z.string().regex(/^[a-z]+\.[a-z0-9-]+$/, 'a check id like dns.hosts')

const inputSchema = z.object({ id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lowercase letters, digits and underscores'), label: z.string().min(1), options: z.array(z.string()).optional() }).strict()

const base = { id, title: z.string().min(3), do: z.string().optional(), next: id.optional(), inputs: z.array(inputSchema).optional() }

const stepSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('instruction'), do: z.string().min(3) }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('verify'),
      checks: z.array(checkId).default([]),
      /** A live probe of the runbook's provider credential: the new one `works`, or the replaced one is `revoked`. */
      credential: z.enum(['works', 'revoked']).optional(),
      until: z.literal('pass').optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('decision'),
      question: z.string().min(3),
      options: z.array(z.object({ label: z.string().min(1), next: id }).strict()).min(2),
    })
    .strict(),
])

/** A runbook file in resources/runbooks/ (see docs/runbooks.md). Steps without `kind` are instructions. */
export const runbookSchema = z
  .object({
    id,
    title: z.string().min(3),
    summary: z.string().min(10),
    symptoms: z.array(z.string()).min(1),
    severity: z.enum(['launch-blocker', 'conversion-blocker', 'scale-risk']),
    related_checks: z.array(checkId).default([]),
    /** A rotation runbook's credential provider (as the vault names it): its `credential` steps probe that credential. */
    provider: z.enum(CREDENTIAL_PROVIDERS).optional(),
    steps: z.preprocess(
      (v) => (Array.isArray(v) ? v.map((s) => (s && typeof s === 'object' && !('kind' in s) ? { ...s, kind: 'instruction' } : s)) : v),
      z.array(stepSchema).min(2),
    ),
    rollback: z.string().min(3),
  })
  .strict()
  .superRefine((r, ctx) => {
    const ids = new Set<string>()
    r.steps.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate step id "${s.id}"`, path: ['steps', i, 'id'] })
      ids.add(s.id)
    })
    r.steps.forEach((s, i) => {
      if (s.kind === 'verify' && !s.checks.length && !s.credential) ctx.addIssue({ code: 'custom', message: 'a verify step needs checks or a credential probe', path: ['steps', i] })
      if (s.kind === 'verify' && s.credential && !r.provider) ctx.addIssue({ code: 'custom', message: 'a credential probe needs the runbook\'s provider', path: ['steps', i, 'credential'] })
      const targets = [s.next, ...(s.kind === 'decision' ? s.options.map((o) => o.next) : [])].filter(Boolean) as string[]
      for (const t of targets) if (!ids.has(t)) ctx.addIssue({ code: 'custom', message: `step "${t}" does not exist`, path: ['steps', i] })
    })
  })

export type Runbook = z.output<typeof runbookSchema>
export type RunbookStep = Runbook['steps'][number]

export interface RunbookLogEntry {
  at: string
  stepId: string
  action: 'started' | 'done' | 'chose' | 'verified' | 'waiting' | 'skipped' | 'back' | 'abandoned' | 'finished' | 'input'
  by: string
  detail: Record<string, unknown>
  evidenceId: number | null
}

export interface RunbookRun {
  id: string
  engagementId: string
  runbookId: string
  startedAt: string
  finishedAt: string | null
  currentStep: string | null
  by: string
  inputs: Record<string, string>
  log: RunbookLogEntry[]
  /** Ended by Abandon (finishedAt is set) rather than by reaching the end. */
  abandoned?: boolean
}
