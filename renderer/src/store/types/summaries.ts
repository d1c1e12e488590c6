import type { ErrorInfo } from '@shared/errors'
import type { EngagementSummary } from '@shared/schemas/summary'

/** The list's per-engagement summaries (sprint clock, worst open risk, rotation), by id. */
export interface SummariesState {
  byId: Record<string, EngagementSummary>
  status: 'idle' | 'loading' | 'loaded' | 'error'
  error: ErrorInfo | null
  /** Date.now() of the last answer, when there was one. */
  loadedAt?: number
}

/** How the engagement list is ordered. */
export type ListSort = 'updated' | 'risk'

export interface SummaryActions {
  /** Fetch every engagement's summary; only the newest answer is kept. */
  loadSummaries(): Promise<void>
  setListSort(sort: ListSort): void
}
