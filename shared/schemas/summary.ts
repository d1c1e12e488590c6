import type { RotationState } from '../rotation'
import type { ItemStatus } from './sprint'
import type { Severity } from './template'

/**
 * Where an engagement's 48-hour clock stands: no sprint yet; running (time left and the
 * current block); finished by a person; or out of time but not finished.
 */
export type SprintClockState =
  | { state: 'none' }
  | { state: 'running'; endsAt: string; msLeft: number; block: string | null }
  | { state: 'time-up'; endsAt: string }
  | { state: 'finished'; finishedAt: string }

/** The first risk of the sprint's fix order: what the dashboard shows on top. */
export interface WorstRisk {
  itemId: string
  title: string
  severity: Severity
  status: ItemStatus
}

/** A credential whose rotation date (or token expiry) has passed or comes soon. */
export interface RotationDue {
  id: string
  label: string
  /** The nearer of the rotation date and the token's expiry. */
  rotationDue: string
  state: RotationState
  /** The date is the token's own expiry (Cloudflare tokens), not the rotation schedule. */
  expires?: boolean
}

/** One row's worth of an engagement's state for the engagement list. */
export interface EngagementSummary {
  engagementId: string
  sprint: SprintClockState
  /** Items settled (pass or waived) of all items in the plan; null without a sprint. */
  progress: { done: number; total: number } | null
  worstRisk: WorstRisk | null
  /** Open risks in the sprint (0 without one). */
  openRisks: number
  /**
   * The highest business-impact score among the open risks (severity, status, emphasis; as
   * the sprint ranks them), 0 when none: what "most at risk" sorts by first.
   */
  riskScore: number
  /**
   * Latest results (one per check × host) that fail or warn, leaving out checks whose items
   * are all settled (waived, or passed without warnings); without a sprint, all of them.
   */
  open: { fail: number; warn: number }
  /** When the last check run ended, or null if none has. */
  lastRunAt: string | null
  /** The engagement's credentials whose rotation is overdue or due within 14 days. */
  rotation: RotationDue[]
}
