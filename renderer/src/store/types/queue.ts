import type { WaitingRunInfo } from '@shared/contract/checks'
import type { ErrorInfo } from '@shared/errors'

/** The offline queue as loaded: every waiting run of the workspace (screens filter by engagement). */
export interface QueueState {
  runs: WaitingRunInfo[] | null
  /** Engagement ids whose waiting checks were just started again. */
  resuming: string[]
  error: ErrorInfo | null
}

export interface QueueActions {
  loadQueue(): Promise<void>
  /** Run an engagement's waiting checks now; false when core refused (a toast says why). */
  resumeWaiting(engagementId: string): Promise<boolean>
}
