import type { AppEvent } from '@shared/events'
import type { ErrorInfo } from '@shared/errors'

/** One engagement's line of a "Run all": waiting its turn, running (checks done of total), or finished. */
export interface RowRun {
  state: 'queued' | 'running' | 'done' | 'cancelled'
  runId: string | null
  done: number
  total: number
  /** Checks that failed or errored so far. */
  failed: number
}

/** "Run all" from the engagement list: one row per engagement asked for. */
export interface PortfolioState {
  rows: Record<string, RowRun>
  /** Which engagement each run belongs to (check.* events name only the run). */
  runs: Record<string, string>
  error: ErrorInfo | null
}

export interface PortfolioActions {
  /** Audit these engagements, a few at a time, each row showing its progress. */
  runAll(ids: string[]): Promise<void>
  portfolioEvent(e: AppEvent): void
}
