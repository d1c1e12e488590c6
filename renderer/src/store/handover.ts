import type { BundleInfo, IdentityInfo, VerifyReport } from '@shared/contract/handover'
import type { ErrorInfo } from '@shared/errors'
import type { StoreApi } from 'zustand/vanilla'
import { toErrorInfo, type Transport } from '../transport/types'
import type { AppActions, AppState } from './index'

/** The handover screen: bundles built so far, the one just built, and a verification report. */
export interface HandoverState {
  engagementId: string | null
  bundles: { name: string; createdAt: string }[] | null
  built: BundleInfo | null
  report: VerifyReport | null
  /** Which bundle the report is about. */
  reportOf: string | null
  countersigned: IdentityInfo | null
  busy: 'build' | 'verify' | 'countersign' | null
  error: ErrorInfo | null
}

export const initialHandover: HandoverState = { engagementId: null, bundles: null, built: null, report: null, reportOf: null, countersigned: null, busy: null, error: null }

/** The folder name of a bundle from its path (the UI refers to bundles by name only). */
export function bundleName(dir: string): string {
  return dir.split(/[\\/]/).filter(Boolean).pop() ?? dir
}

/** Verification items split for display: failures first, so what to fix is on top. */
export function orderedItems(r: VerifyReport): VerifyReport['items'] {
  return [...r.items].sort((a, b) => Number(a.ok) - Number(b.ok))
}

export interface HandoverActions {
  loadHandover(engagementId: string): Promise<void>
  /** Build and sign a bundle, then verify it at once. */
  buildBundle(): Promise<void>
  verifyBundleNamed(name: string): Promise<void>
  countersign(name: string, founderName: string, founderEmail: string): Promise<void>
}

type Api = StoreApi<AppState & AppActions>

/** Store actions of the handover screen. */
export function handoverActions(transport: Transport, set: Api['setState'], get: Api['getState']): HandoverActions {
  const patch = (f: (h: HandoverState) => HandoverState) => set((s) => ({ handover: f(s.handover) }))
  const fail = (e: unknown) => patch((h) => ({ ...h, busy: null, error: toErrorInfo(e) }))
  const verify = async (name: string) => {
    patch((h) => ({ ...h, busy: 'verify', error: null }))
    try {
      const report = await transport.call('verifyBundle', { name })
      patch((h) => ({ ...h, busy: null, report, reportOf: name }))
    } catch (e) {
      fail(e)
    }
  }
  return {
    async loadHandover(engagementId) {
      patch((h) => (h.engagementId === engagementId ? { ...h, error: null } : { ...initialHandover, engagementId }))
      try {
        const bundles = await transport.call('listBundles', { engagementId })
        patch((h) => (h.engagementId === engagementId ? { ...h, bundles } : h))
      } catch (e) {
        patch((h) => ({ ...h, bundles: [], error: toErrorInfo(e) }))
      }
    },
    async buildBundle() {
      const engagementId = get().handover.engagementId
      if (!engagementId || get().handover.busy) return
      patch((h) => ({ ...h, busy: 'build', error: null, report: null, countersigned: null }))
      try {
        const built = await transport.call('createBundle', { engagementId })
        patch((h) => ({ ...h, built }))
        const bundles = await transport.call('listBundles', { engagementId })
        patch((h) => ({ ...h, bundles }))
        await verify(bundleName(built.dir))
      } catch (e) {
        fail(e)
      }
    },
    verifyBundleNamed: verify,
    async countersign(name, founderName, founderEmail) {
      patch((h) => ({ ...h, busy: 'countersign', error: null }))
      try {
        const countersigned = await transport.call('countersignBundle', { name, founderName, founderEmail })
        patch((h) => ({ ...h, busy: null, countersigned }))
        await verify(name)
      } catch (e) {
        fail(e)
      }
    },
  }
}
