import { z } from 'zod'
import { method, none } from './method'

/** (contract) Check statuses, as in DESIGN.md §4. */
export type CheckStatusName = 'pass' | 'warn' | 'fail' | 'error' | 'skip'

/** A check's catalog entry as the UI shows it. */
export interface CheckInfo {
  id: string
  title: string
  area: string
  stage: string
  why: string
  fix: string
  runbook?: string
  scope: 'domain' | 'host' | 'engagement'
  network: boolean
}

/** One stored result: the latest per check × target, or every result of a run. */
export interface CheckResultInfo {
  id: number
  runId: string
  engagementId: string
  checkId: string
  target: string
  status: CheckStatusName
  summary: string
  details: Record<string, unknown>
  durationMs: number
  evidenceId: number | null
  finishedAt: string
}

/** An evidence item as the evidence viewer shows it. */
export interface EvidenceInfo {
  id: number
  seq: number
  kind: string
  label: string
  createdAt: string
  data: unknown
  hash: string
}

/** How a run ended; `interrupted`: left running by a process that is gone (killed, crashed). */
export type RunStatusName = 'running' | 'finished' | 'cancelled' | 'interrupted'

/** One audit run of an engagement, with its results counted by status. */
export interface RunInfo {
  id: string
  startedAt: string
  finishedAt: string | null
  status: RunStatusName
  /** Check × target pairs the run planned. */
  total: number
  counts: Record<CheckStatusName, number>
}

/** One check × target whose status changed in a run, against its previous result. */
export interface RunChange {
  /** `<checkId>@<target>` */
  key: string
  checkId: string
  target: string
  /** null: no earlier run had a result for this check × target. */
  before: CheckStatusName | null
  after: CheckStatusName
  summary: string
  resultId: number
}

/** What a run changed: `previousRunAt` is when the newest run it is compared with started. */
export interface RunChanges {
  runId: string | null
  previousRunAt: string | null
  rows: RunChange[]
}

/**
 * A run in the offline queue: its network checks could not judge (the machine was offline, or
 * its network's DNS told lies), so these check × target pairs wait for a run on a sound network.
 */
export interface WaitingRunInfo {
  runId: string
  engagementId: string
  domain: string
  startedAt: string
  kind: 'offline' | 'untrusted'
  reason: string
  pending: { checkId: string; target: string }[]
}

const ref = z.string().min(1).max(100)

export const runAuditSchema = z.object({ engagementId: ref, checkIds: z.array(z.string().min(1).max(100)).max(200).optional() }).strict()
export const runAllAuditsSchema = z.object({ engagementIds: z.array(ref).min(1).max(500), concurrency: z.number().int().min(1).max(8).default(3) }).strict()
export const cancelRunSchema = z.object({ runId: ref }).strict()
export const listResultsSchema = z.object({ engagementId: ref, runId: ref.optional() }).strict()
export const listRunsSchema = z.object({ engagementId: ref, limit: z.number().int().min(1).max(200).default(20) }).strict()
export const runChangesSchema = z.object({ engagementId: ref, runId: ref.optional() }).strict()
export const getResultSchema = z.object({ resultId: z.number().int().positive() }).strict()
export const listWaitingSchema = z.object({ engagementId: ref.optional() }).strict()
export const resumeWaitingSchema = z.object({ engagementId: ref }).strict()

/** Check catalog, audit runs (results stream as run.* / check.* events), results with evidence. */
export const checkMethods = {
  listChecks: method<typeof none, CheckInfo[]>(none),
  runAudit: method<typeof runAuditSchema, { runId: string; total: number }>(runAuditSchema),
  /**
   * Audit several engagements, at most `concurrency` at once ("Run all" on the list). Answers at
   * once; each audit reports through the same run.* / check.* events as runAudit.
   */
  runAllAudits: method<typeof runAllAuditsSchema, { engagementIds: string[] }>(runAllAuditsSchema),
  cancelRun: method<typeof cancelRunSchema, { cancelled: boolean }>(cancelRunSchema),
  listResults: method<typeof listResultsSchema, CheckResultInfo[]>(listResultsSchema),
  getResult: method<typeof getResultSchema, CheckResultInfo & { evidence: EvidenceInfo[] }>(getResultSchema),
  /** The engagement's runs, newest first. */
  listRuns: method<typeof listRunsSchema, RunInfo[]>(listRunsSchema),
  /** What one run (default: the newest with results) changed against the results before it. */
  runChanges: method<typeof runChangesSchema, RunChanges>(runChangesSchema),
  /** The offline queue: runs whose network checks wait for a sound network (one engagement's, or all), oldest first. */
  listWaiting: method<typeof listWaitingSchema, WaitingRunInfo[]>(listWaitingSchema),
  /**
   * Run an engagement's waiting checks now (the checks of every pair in its queue). A run on a
   * sound network takes them off the queue; on a network still unsound, it waits too.
   */
  resumeWaiting: method<typeof resumeWaitingSchema, { runId: string; total: number }>(resumeWaitingSchema),
}
