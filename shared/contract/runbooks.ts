import { z } from 'zod'
import type { Runbook, RunbookRun, RunbookStep } from '../schemas/runbook'
import { method, none } from './method'

const ref = z.string().min(1).max(100)
const rid = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100)
const step = z.object({ runId: z.string().min(1).max(100), stepId: rid })

export interface RunbookSummary {
  id: string
  title: string
  summary: string
  severity: Runbook['severity']
  steps: number
  /** The checks it fixes (its `related_checks`): a failing one suggests this runbook. */
  relatedChecks: string[]
}

/** An unfinished run as "In progress" lists it: where it stands, by the step's title and number. */
export interface OpenRunbookRun extends RunbookRun {
  stepTitle: string | null
  progress: { number: number; total: number }
}

export interface RunbookView {
  run: RunbookRun
  /** The runbook filled in for the engagement. */
  runbook: Runbook
  step: RunbookStep | null
  /** The last verify outcome of this step, when it was just run. */
  outcome?: { passed: boolean; waiting: boolean; message: string; checks: { id: string; target: string; status: string; summary: string; evidenceId: number | null }[] }
}

/** Guided runbooks: the catalog, a filled-in runbook, and a run one step at a time. */
export const runbookMethods = {
  listRunbooks: method<typeof none, RunbookSummary[]>(none),
  getRunbook: method<z.ZodObject<{ id: typeof rid; engagementId: z.ZodOptional<typeof ref> }>, Runbook>(z.object({ id: rid, engagementId: ref.optional() })),
  startRunbook: method<z.ZodObject<{ engagementId: typeof ref; runbookId: typeof rid; by: z.ZodOptional<z.ZodString> }>, RunbookView>(
    z.object({ engagementId: ref, runbookId: rid, by: z.string().max(200).optional() }),
  ),
  openRunbookRuns: method<z.ZodObject<{ engagementId: typeof ref }>, OpenRunbookRun[]>(z.object({ engagementId: ref })),
  runbookView: method<z.ZodObject<{ runId: z.ZodString }>, RunbookView>(z.object({ runId: z.string().min(1).max(100) })),
  runbookDone: method<typeof step extends z.ZodObject<infer S> ? z.ZodObject<S & { note: z.ZodOptional<z.ZodString>; inputs: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>> }> : never, RunbookView>(
    step.extend({ note: z.string().max(10_000).optional(), inputs: z.record(z.string(), z.string().max(2000)).optional() }),
  ),
  runbookChoose: method<typeof step extends z.ZodObject<infer S> ? z.ZodObject<S & { option: z.ZodNumber }> : never, RunbookView>(
    step.extend({ option: z.number().int().min(0).max(50) }),
  ),
  runbookVerify: method<typeof step, RunbookView>(step),
  /** Move on past a step without doing it; the reason is required and recorded. */
  runbookSkip: method<typeof step extends z.ZodObject<infer S> ? z.ZodObject<S & { reason: z.ZodString }> : never, RunbookView>(step.extend({ reason: z.string().max(2000) })),
  /** Back to the step the run came from. */
  runbookBack: method<typeof step, RunbookView>(step),
  /** Stop the run for good (it leaves "In progress"); the optional reason is recorded. */
  runbookAbandon: method<typeof step extends z.ZodObject<infer S> ? z.ZodObject<S & { reason: z.ZodOptional<z.ZodString> }> : never, RunbookView>(
    step.extend({ reason: z.string().max(2000).optional() }),
  ),
}
