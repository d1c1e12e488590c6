import type { ApiSlice, CoreServices } from './types'
import { latestRegistrarVerdict, recordRegistrarVerdict } from '../checks/reg/lib/verdict'

/** A person's verdict on who holds the registrar account (chained), and the latest one. */
export function registrarApi({ workspace, events }: CoreServices): ApiSlice<'recordRegistrarVerdict' | 'registrarVerdict'> {
  return {
    recordRegistrarVerdict: ({ engagementId, holder, founderControls, by, note }) => {
      const e = workspace.engagements.get(engagementId)
      const v = recordRegistrarVerdict(workspace, e.id, { holder, founderControls, by, note })
      events.emit({ type: 'engagements.changed', id: e.id, change: 'updated' })
      return v
    },
    registrarVerdict: ({ engagementId }) => latestRegistrarVerdict(workspace.db, workspace.engagements.get(engagementId).id),
  }
}
