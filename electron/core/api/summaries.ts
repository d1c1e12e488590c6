import { engagementSummaries } from '../sprint/summary'
import type { ApiSlice, CoreServices } from './types'

/** The engagement list's summaries (sprint clock, worst open risk, rotation due), all at once. */
export function summaryApi({ workspace }: CoreServices): ApiSlice<'engagementSummaries'> {
  return {
    engagementSummaries: () => engagementSummaries(workspace.db),
  }
}
