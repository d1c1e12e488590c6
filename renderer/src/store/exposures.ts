import type { Exposure } from '@shared/contract/exposures'
import type { ErrorInfo } from '@shared/errors'
import type { StoreApi } from 'zustand/vanilla'
import { toErrorInfo, type Transport } from '../transport/types'
import type { AppActions, AppState } from './index'

/** Secrets the checks saw exposed in one engagement, shown as rotate-now on the inventory screen. */
export interface ExposuresState {
  engagementId: string | null
  list: Exposure[] | null
  error: ErrorInfo | null
  /** The key whose rotation is being recorded. */
  busy: string | null
}

export const initialExposures: ExposuresState = { engagementId: null, list: null, error: null, busy: null }

/** A list arrived; an answer for an engagement no longer open is dropped. */
export function exposuresLoaded(s: ExposuresState, engagementId: string, list: Exposure[]): ExposuresState {
  return s.engagementId === engagementId ? { ...s, list, error: null, busy: null } : s
}

/** What still has to be rotated (no rotation recorded after it was last seen). */
export function rotateNow(list: readonly Exposure[] | null): Exposure[] {
  return (list ?? []).filter((x) => !x.rotation)
}

export interface ExposureActions {
  loadExposures(engagementId: string): Promise<void>
  /** Record that a secret was rotated; true when recorded. */
  recordRotation(key: string, by: string, note: string): Promise<boolean>
}

type Api = StoreApi<AppState & AppActions>

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
