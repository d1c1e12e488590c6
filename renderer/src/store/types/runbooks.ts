import type { OpenRunbookRun, RunbookSummary, RunbookView } from '@shared/contract/runbooks'
import type { ErrorInfo } from '@shared/errors'

/** The runbook catalog, an engagement's unfinished runs, and the run being guided. */
export interface RunbooksState {
  catalog: RunbookSummary[] | null
  engagementId: string | null
  openRuns: OpenRunbookRun[]
  view: RunbookView | null
  busy: boolean
  error: ErrorInfo | null
}

export interface RunbookActions {
  /** The catalog and the engagement's unfinished runs (to resume). */
  loadRunbooks(engagementId: string): Promise<void>
  /** Start a runbook for an engagement and open it in guided mode. */
  startGuidedRunbook(engagementId: string, runbookId: string): Promise<void>
  /** Resume (or reload) a run in guided mode. */
  openRunbookRun(runId: string): Promise<void>
  markStepDone(note: string, inputs: Record<string, string>): Promise<void>
  chooseOption(option: number): Promise<void>
  verifyStep(): Promise<void>
  /** Move on past the current step; the reason is recorded with the run. */
  skipStep(reason: string): Promise<void>
  /** Back to the step the run came from. */
  stepBack(): Promise<void>
  /** Stop the run for good; it leaves "In progress" and the runbook list opens. */
  abandonRun(reason: string): Promise<void>
}
