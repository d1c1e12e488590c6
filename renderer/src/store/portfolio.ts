import type { AppEvent } from '@shared/events'
import type { ErrorInfo } from '@shared/errors'
import { toErrorInfo, type Transport } from '../transport/types'
import type { Toast } from './toasts'
import type { PortfolioActions, PortfolioState, RowRun } from './types/portfolio'

export type { PortfolioActions, PortfolioState, RowRun } from './types/portfolio'

export const initialPortfolio: PortfolioState = { rows: {}, runs: {}, error: null }

/** How many audits the app runs at once (each already runs its checks concurrently). */
export const RUN_ALL_CONCURRENCY = 3

/** Rows queued before the request leaves, so a run that starts before the answer finds its row. */
export function portfolioRequested(s: PortfolioState, ids: readonly string[]): PortfolioState {
  const rows = { ...s.rows }
  for (const id of ids) rows[id] = { state: 'queued', runId: null, done: 0, total: 0, failed: 0 }
  return { ...s, rows, error: null }
}

/** The request was refused: its rows go back to how they were (none), with the reason. */
export function portfolioFailed(s: PortfolioState, ids: readonly string[], error: ErrorInfo): PortfolioState {
  const rows = { ...s.rows }
  for (const id of ids) if (rows[id]?.state === 'queued') delete rows[id]
  return { ...s, rows, error }
}

/** True while any row is queued or running. */
export function portfolioBusy(s: PortfolioState): boolean {
  return Object.values(s.rows).some((r) => r.state === 'queued' || r.state === 'running')
}

/**
 * Fold one event into the rows. Runs of engagements not in a "Run all" (a sprint run on the
 * board) leave the state unchanged (same object).
 */
export function portfolioEvent(s: PortfolioState, e: AppEvent): PortfolioState {
  if (e.type === 'run.started') {
    const row = s.rows[e.engagementId]
    if (!row || row.state !== 'queued') return s
    return { ...s, runs: { ...s.runs, [e.runId]: e.engagementId }, rows: { ...s.rows, [e.engagementId]: { ...row, state: 'running', runId: e.runId, total: e.total } } }
  }
  if (e.type !== 'check.finished' && e.type !== 'run.finished') return s
  const id = s.runs[e.runId]
  const row = id ? s.rows[id] : undefined
  if (!id || !row || row.runId !== e.runId) return s
  const next: RowRun =
    e.type === 'run.finished'
      ? { ...row, state: e.cancelled ? 'cancelled' : 'done' }
      : { ...row, done: Math.max(row.done, e.done), total: e.total || row.total, failed: row.failed + (e.status === 'fail' || e.status === 'error' ? 1 : 0) }
  return { ...s, rows: { ...s.rows, [id]: next } }
}

type Set = (f: (s: { portfolio: PortfolioState }) => { portfolio: PortfolioState }) => void

/** Store actions for "Run all": a thin call, events folded by portfolioEvent. */
export function portfolioActions(transport: Transport, set: Set, toast: (t: Omit<Toast, 'id'>) => void): PortfolioActions {
  return {
    async runAll(ids) {
      if (!ids.length) return
      set((s) => ({ portfolio: portfolioRequested(s.portfolio, ids) }))
      try {
        await transport.call('runAllAudits', { engagementIds: ids, concurrency: RUN_ALL_CONCURRENCY })
      } catch (e) {
        const error = toErrorInfo(e)
        set((s) => ({ portfolio: portfolioFailed(s.portfolio, ids, error) }))
        toast({ kind: 'error', title: 'Could not run the audits', detail: error.message })
      }
    },
    portfolioEvent: (e) =>
      set((s) => {
        const next = portfolioEvent(s.portfolio, e)
        return next === s.portfolio ? s : { portfolio: next }
      }),
  }
}
