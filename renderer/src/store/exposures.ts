import type { Exposure } from '@shared/contract/exposures'
import { toErrorInfo, type Transport } from '../transport/types'
import type { SliceApi } from './types'
import type { ExposuresState, ExposureActions } from './types/exposures'

export type { ExposuresState, ExposureActions } from './types/exposures'

export const initialExposures: ExposuresState = { engagementId: null, list: null, error: null, busy: null }

/** A list arrived; an answer for an engagement no longer open is dropped. */
export function exposuresLoaded(s: ExposuresState, engagementId: string, list: Exposure[]): ExposuresState {
  return s.engagementId === engagementId ? { ...s, list, error: null, busy: null } : s
}

/** What still has to be rotated (no rotation recorded after it was last seen). */
export function rotateNow(list: readonly Exposure[] | null): Exposure[] {
  return (list ?? []).filter((x) => !x.rotation)
}

type Api = SliceApi

/** Store actions for exposed secrets and their rotations. */
export function exposureActions(transport: Transport, set: Api['setState'], get: Api['getState']): ExposureActions {
  const patch = (f: (v: ExposuresState) => ExposuresState) => set((s) => ({ exposures: f(s.exposures) }))
  return {
    async loadExposures(engagementId) {
      patch((v) => ({ ...initialExposures, engagementId, list: v.engagementId === engagementId ? v.list : null }))
      try {
        const list = await transport.call('listExposures', { engagementId })
        patch((v) => exposuresLoaded(v, engagementId, list))
      } catch (e) {
        patch((v) => (v.engagementId === engagementId ? { ...v, list: v.list ?? [], error: toErrorInfo(e) } : v))
      }
    },
    async recordRotation(key, by, note) {
      const { engagementId, busy } = get().exposures
      if (!engagementId || busy) return false
      patch((v) => ({ ...v, busy: key }))
      try {
        const list = await transport.call('recordRotation', { engagementId, key, by, note })
        patch((v) => exposuresLoaded(v, engagementId, list))
        get().toast({ kind: 'success', title: 'Rotation recorded', detail: list.find((x) => x.key === key)?.name })
        return true
      } catch (e) {
        patch((v) => ({ ...v, busy: null }))
        get().toast({ kind: 'error', title: 'Could not record the rotation', detail: toErrorInfo(e).message })
        return false
      }
    },
  }
}
