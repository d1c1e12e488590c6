import type { ApiSlice, CoreServices } from './types'
import { collectExposures } from '../handover/exposures/collect'
import { recordRotation } from '../handover/exposures/record'

/** Secrets the checks saw exposed, and the rotations that settle them. */
export function exposureApi({ workspace, events }: CoreServices): ApiSlice<'listExposures' | 'recordRotation'> {
  const engagement = (id: string) => workspace.engagements.get(id)
  return {
    listExposures: ({ engagementId }) => collectExposures(workspace.db, engagement(engagementId).id),
    recordRotation: ({ engagementId, key, by, note, rotatedAt }) => {
      const e = engagement(engagementId)
      const out = recordRotation(workspace, e.id, { key, by, note, rotatedAt })
      events.emit({ type: 'engagements.changed', id: e.id, change: 'updated' })
      return out
    },
  }
}
