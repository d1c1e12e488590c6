import type { OpenRunbookRun, RunbookSummary, RunbookView } from '@shared/contract/runbooks'
import { runbookProgress, stepsTaken } from '@shared/runbook-progress'
import type { RunbookRun } from '@shared/schemas/runbook'
import { toErrorInfo, type Transport } from '../transport/types'
import type { SliceApi } from './types'
import type { RunbooksState, RunbookActions } from './types/runbooks'

export type { RunbooksState, RunbookActions } from './types/runbooks'

export const initialRunbooks: RunbooksState = { catalog: null, engagementId: null, openRuns: [], view: null, busy: false, error: null }

/** Where the guided run stands: "step 3 of 8", counted along the way the run went (see shared/runbook-progress). */
export function stepPosition(v: RunbookView): { number: number; total: number } {
  return runbookProgress(v.runbook, v.run)
}

/** The run as "In progress" lists it, from a fresh view. */
function asOpen(v: RunbookView): OpenRunbookRun {
  return { ...v.run, stepTitle: v.step?.title ?? null, progress: stepPosition(v) }
}

/** Steps this run has moved past (from its log: a failed verify is not one, a step gone Back to no longer is), for the progress list. */
export function doneSteps(run: RunbookRun): Set<string> {
  return new Set(stepsTaken(run.log))
}

/** A new view arrived: show it; a finished run leaves the open-runs list. */
export function viewLoaded(s: RunbooksState, view: RunbookView): RunbooksState {
  const others = s.openRuns.filter((r) => r.id !== view.run.id)
  return { ...s, view, busy: false, error: null, openRuns: view.run.finishedAt ? others : [asOpen(view), ...others] }
}

type Api = SliceApi

/** Store actions of the runbook screens; a step action answers with the next view. */
export function runbookActions(transport: Transport, set: Api['setState'], get: Api['getState']): RunbookActions {
  const patch = (f: (r: RunbooksState) => RunbooksState) => set((s) => ({ runbooks: f(s.runbooks) }))
  const step = async (f: (runId: string, stepId: string) => Promise<RunbookView>) => {
    const v = get().runbooks.view
    if (!v?.step || get().runbooks.busy) return
    patch((r) => ({ ...r, busy: true, error: null }))
    try {
      const next = await f(v.run.id, v.step.id)
      patch((r) => viewLoaded(r, next))
    } catch (e) {
      patch((r) => ({ ...r, busy: false, error: toErrorInfo(e) }))
    }
  }
  return {
    async loadRunbooks(engagementId) {
      patch((r) => ({ ...r, engagementId, error: null, openRuns: r.engagementId === engagementId ? r.openRuns : [] }))
      try {
        const [catalog, openRuns] = await Promise.all([get().runbooks.catalog ?? transport.call('listRunbooks'), transport.call('openRunbookRuns', { engagementId })])
        patch((r) => (r.engagementId === engagementId ? { ...r, catalog, openRuns } : r))
      } catch (e) {
        patch((r) => ({ ...r, error: toErrorInfo(e) }))
      }
    },
    async startGuidedRunbook(engagementId, runbookId) {
      patch((r) => ({ ...r, busy: true, error: null }))
      try {
        const view = await transport.call('startRunbook', { engagementId, runbookId })
        patch((r) => viewLoaded(r, view))
        get().navigate({ name: 'runbook', id: engagementId, runId: view.run.id })
      } catch (e) {
        patch((r) => ({ ...r, busy: false }))
        get().toast({ kind: 'error', title: 'Could not start the runbook', detail: toErrorInfo(e).message })
      }
    },
    async openRunbookRun(runId) {
      patch((r) => ({ ...r, view: r.view?.run.id === runId ? r.view : null, error: null }))
      try {
        const view = await transport.call('runbookView', { runId })
        patch((r) => viewLoaded(r, view))
      } catch (e) {
        patch((r) => ({ ...r, error: toErrorInfo(e) }))
      }
    },
    markStepDone: (note, inputs) =>
      step((runId, stepId) => transport.call('runbookDone', { runId, stepId, ...(note.trim() ? { note: note.trim() } : {}), ...(Object.keys(inputs).length ? { inputs } : {}) })),
    chooseOption: (option) => step((runId, stepId) => transport.call('runbookChoose', { runId, stepId, option })),
    verifyStep: () => step((runId, stepId) => transport.call('runbookVerify', { runId, stepId })),
    skipStep: (reason) => step((runId, stepId) => transport.call('runbookSkip', { runId, stepId, reason })),
    stepBack: () => step((runId, stepId) => transport.call('runbookBack', { runId, stepId })),
    async abandonRun(reason) {
      const v = get().runbooks.view
      await step((runId, stepId) => transport.call('runbookAbandon', { runId, stepId, ...(reason.trim() ? { reason: reason.trim() } : {}) }))
      const after = get().runbooks.view
      if (!v || !after?.run.abandoned) return
      get().toast({ kind: 'info', title: `Abandoned “${v.runbook.title}”`, detail: 'What was done so far stays in the evidence.' })
      get().navigate({ name: 'runbooks', id: v.run.engagementId })
    },
  }
}

/**
 * Runbooks to suggest for failing checks: the checks' own runbooks (their `runbook` field) first,
 * then those whose related checks cover the most of them; at most `max`.
 */
export function suggestRunbooks(failing: string[], catalog: RunbookSummary[] | null, own: string[] = [], max = 3): RunbookSummary[] {
  if (!catalog || !failing.length) return []
  const mine = own.map((ref) => resolveRunbook(ref, catalog)).filter((r): r is RunbookSummary => !!r)
  const score = (r: RunbookSummary) => failing.filter((c) => r.relatedChecks.includes(c)).length
  const related = catalog.filter((r) => score(r) > 0).sort((a, b) => score(b) - score(a) || a.title.localeCompare(b.title))
  return [...new Map([...mine, ...related].map((r) => [r.id, r])).values()].slice(0, max)
}

/** The checks an item's latest results say are failing (fail or error), each once, for suggestRunbooks. */
export function failingChecks(results: readonly { checkId: string; status: string }[]): string[] {
  return [...new Set(results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => r.checkId))]
}

/**
 * The catalog runbook a check's `runbook` field means. Some checks name a runbook by a short
 * stem ("dns" for dns-broke-site), so an exact id wins, then the one id that starts with it.
 */
export function resolveRunbook(ref: string, catalog: RunbookSummary[] | null): RunbookSummary | null {
  if (!catalog) return null
  const exact = catalog.find((c) => c.id === ref)
  if (exact) return exact
  const prefixed = catalog.filter((c) => c.id.startsWith(`${ref}-`))
  return prefixed.length === 1 ? prefixed[0] : null
}

/** Fill a catalog text's placeholders for display: {{domain}} with the domain, {{x|fallback}} with its fallback. */
export function fillText(text: string, domain: string | undefined): string {
  return text.replace(/\{\{\s*([\w.]+)\s*(?:\|([^}]*))?\}\}/g, (_m, key: string, fallback?: string) => (key === 'domain' && domain ? domain : (fallback ?? key)))
}
