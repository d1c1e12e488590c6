import { toErrorInfo, type Transport } from '../transport/types'
import type { SliceApi } from './types'
import type { ProbeActions, ProbesState } from './types/probes'

export type { EndpointDraft, ProbeActions, ProbesState } from './types/probes'

export const initialProbes: ProbesState = { engagementId: null, state: null, busy: false, error: null }

type Api = SliceApi

/** Store actions for the probes card: thin calls, the state comes back whole from core. */
export function probeActions(transport: Transport, set: Api['setState'], get: Api['getState']): ProbeActions {
  const patch = (p: Partial<ProbesState>) => set((s) => ({ probes: { ...s.probes, ...p } }))
  const reload = async (engagementId: string) => patch({ engagementId, state: await transport.call('probeState', { engagementId }), busy: false, error: null })
  const attempt = async (engagementId: string, work: () => Promise<unknown>, done: string): Promise<boolean> => {
    patch({ busy: true, error: null })
    try {
      await work()
      await reload(engagementId)
      get().toast({ kind: 'success', title: done })
      return true
    } catch (e) {
      patch({ busy: false, error: toErrorInfo(e) })
      return false
    }
  }
  return {
    async loadProbes(engagementId) {
      try {
        await reload(engagementId)
      } catch (e) {
        patch({ engagementId, state: null, error: toErrorInfo(e) })
      }
    },
    saveProbeEndpoints: (engagementId, endpoints) =>
      attempt(engagementId, () => transport.call('saveProbeSettings', { engagementId, settings: { endpoints, flows: get().probes.state?.settings.flows ?? [] } }), 'Probe endpoints saved'),
    async saveSmokeFlows(engagementId, flows, done) {
      patch({ busy: true })
      try {
        await transport.call('saveProbeSettings', { engagementId, settings: { endpoints: get().probes.state?.settings.endpoints ?? [], flows } })
        await reload(engagementId)
        get().toast({ kind: 'success', title: done })
        return { ok: true }
      } catch (e) {
        patch({ busy: false })
        return { ok: false, message: toErrorInfo(e).message }
      }
    },
    recordProbeConsent: (engagementId, i) =>
      attempt(engagementId, () => transport.call('recordProbeConsent', { engagementId, givenBy: i.givenBy, recordedBy: i.recordedBy, limits: { maxRequests: i.maxRequests, perSecond: i.perSecond }, note: '' }), 'Consent recorded'),
    revokeProbeConsent: (engagementId, by) => attempt(engagementId, () => transport.call('revokeProbeConsent', { engagementId, by }), 'Consent revoked: the probes send nothing'),
  }
}
