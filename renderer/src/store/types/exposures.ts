import type { Exposure } from '@shared/contract/exposures'
import type { ErrorInfo } from '@shared/errors'

/** Secrets the checks saw exposed in one engagement, shown as rotate-now on the inventory screen. */
export interface ExposuresState {
  engagementId: string | null
  list: Exposure[] | null
  error: ErrorInfo | null
  /** The key whose rotation is being recorded. */
  busy: string | null
}

export interface ExposureActions {
  loadExposures(engagementId: string): Promise<void>
  /** Record that a secret was rotated; true when recorded. */
  recordRotation(key: string, by: string, note: string): Promise<boolean>
}
