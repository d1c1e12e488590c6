import type { EvidenceDetail, TimelineItem } from '@shared/contract/evidence'
import type { ErrorInfo } from '@shared/errors'

/** The timeline's filters as the form holds them (empty string = any). */
export interface EvidenceFilters {
  /** Words to find in an item's label, check, host or kind. */
  q: string
  /** A check id or a family ("http"). */
  checkId: string
  target: string
  status: '' | 'pass' | 'warn' | 'fail' | 'error' | 'skip'
  kind: string
  /** ISO date or datetime lower/upper bounds. */
  from: string
  to: string
}

/** The evidence timeline of one engagement: loaded pages, the cursor, and the open item. */
export interface EvidenceState {
  engagementId: string | null
  filters: EvidenceFilters
  rows: TimelineItem[]
  /** The keyset cursor for the next (older) page; null when everything is loaded. */
  next: number | null
  total: number
  loading: boolean
  error: ErrorInfo | null
  open: EvidenceDetail | null
  openError: ErrorInfo | null
}

export interface EvidenceActions {
  /** (Re)load the timeline of an engagement with these filters, from the newest item. */
  loadTimeline(engagementId: string, filters?: EvidenceFilters): Promise<void>
  /** Fetch the next (older) page, if any: the list calls this as it nears its end. */
  loadMoreTimeline(): Promise<void>
  /** Show one item with its data in the side panel. */
  openEvidence(id: number): Promise<void>
  closeEvidence(): void
  /** A run finished: refresh the evidence or pictures screen of that engagement if it is showing. */
  refreshAfterRun(engagementId: string): void
}
