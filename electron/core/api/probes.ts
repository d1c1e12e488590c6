import type { ApiSlice, CoreServices } from './types'
import { activeProbeConsent, listProbeConsents, recordProbeConsent, revokeProbeConsent } from '../probes/consent'
import { readProbeSettings, saveProbeSettings } from '../probes/settings'

/** Probe declarations and the site owner's consent (chained as `probe.consent`). */
export function probesApi({ workspace, events }: CoreServices): ApiSlice<'probeState' | 'saveProbeSettings' | 'recordProbeConsent' | 'revokeProbeConsent'> {
  const changed = (id: string) => events.emit({ type: 'engagements.changed', id, change: 'updated' })
  return {
    probeState: ({ engagementId }) => {
      const id = workspace.engagements.get(engagementId).id
      return { settings: readProbeSettings(workspace.db, id), consent: activeProbeConsent(workspace.db, id), history: listProbeConsents(workspace.db, id) }
    },
    saveProbeSettings: ({ engagementId, settings }) => {
      const s = saveProbeSettings(workspace, engagementId, settings)
      changed(workspace.engagements.get(engagementId).id)
      return s
    },
    recordProbeConsent: ({ engagementId, ...input }) => {
      const c = recordProbeConsent(workspace, engagementId, input)
      changed(workspace.engagements.get(engagementId).id)
      return c
    },
    revokeProbeConsent: ({ engagementId, by }) => {
      const c = revokeProbeConsent(workspace, engagementId, by)
      changed(workspace.engagements.get(engagementId).id)
      return c
    },
  }
}
