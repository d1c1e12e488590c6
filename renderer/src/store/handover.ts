import type { VerifyReport } from '@shared/contract/handover'
import { toErrorInfo, type Transport } from '../transport/types'
import { fromBase64 } from '../lib/bytes'
import type { SliceApi } from './types'
import type { HandoverState, HandoverActions } from './types/handover'

export type { HandoverState, HandoverActions } from './types/handover'

export const initialHandover: HandoverState = {
  engagementId: null,
  readiness: null,
  bundles: null,
  built: null,
  report: null,
  reportOf: null,
  countersigned: null,
  shown: null,
  place: null,
  busy: null,
  error: null,
}

/** The folder name of a bundle from its path (the UI refers to bundles by name only). */
export function bundleName(dir: string): string {
  return dir.split(/[\\/]/).filter(Boolean).pop() ?? dir
}

/** Verification items split for display: failures first, so what to fix is on top. */
export function orderedItems(r: VerifyReport): VerifyReport['items'] {
  return [...r.items].sort((a, b) => Number(a.ok) - Number(b.ok))
}

/** Which bundle to show after the list changes: the same one while it exists, else the newest. */
export function keepShown(bundles: { name: string }[], shown: string | null): string | null {
  return shown && bundles.some((b) => b.name === shown) ? shown : (bundles[0]?.name ?? null)
}

type Api = SliceApi

/** Store actions of the handover screen. */
export function handoverActions(transport: Transport, set: Api['setState'], get: Api['getState']): HandoverActions {
  const patch = (f: (h: HandoverState) => HandoverState) => set((s) => ({ handover: f(s.handover) }))
  const fail = (e: unknown) => patch((h) => ({ ...h, busy: null, error: toErrorInfo(e) }))
  const engagement = () => {
    const id = get().handover.engagementId
    if (!id) throw new Error('no engagement is open')
    return id
  }
  /** Verify without taking the busy flag: what the screen shows on its own (acceptance state, fingerprint). */
  const quietVerify = async (name: string) => {
    try {
      const report = await transport.call('verifyBundle', { name })
      patch((h) => (h.shown === name && h.reportOf !== name ? { ...h, report, reportOf: name } : h))
    } catch (e) {
      patch((h) => ({ ...h, error: toErrorInfo(e) }))
    }
  }
  const show = async (name: string | null, verifyToo = true) => {
    patch((h) => ({ ...h, shown: name, place: h.shown === name ? h.place : null }))
    if (!name) return
    try {
      const place = await transport.call('bundlePlace', { engagementId: engagement(), bundle: name })
      patch((h) => (h.shown === name ? { ...h, place } : h))
    } catch (e) {
      patch((h) => ({ ...h, error: toErrorInfo(e) }))
    }
    if (verifyToo && get().handover.reportOf !== name) await quietVerify(name)
  }
  const notify = (kind: 'success' | 'error', title: string, detail?: string) => get().toast({ kind, title, detail })
  const verify = async (name: string, expectFingerprint?: string) => {
    patch((h) => ({ ...h, busy: 'verify', error: null }))
    try {
      const report = await transport.call('verifyBundle', expectFingerprint ? { name, expectFingerprint } : { name })
      patch((h) => ({ ...h, busy: null, report, reportOf: name }))
    } catch (e) {
      fail(e)
    }
  }
  return {
    async loadHandover(engagementId) {
      patch((h) => (h.engagementId === engagementId ? { ...h, error: null } : { ...initialHandover, engagementId }))
      transport.call('handoverReadiness', { engagementId }).then(
        (readiness) => patch((h) => (h.engagementId === engagementId ? { ...h, readiness } : h)),
        (e: unknown) => patch((h) => (h.engagementId === engagementId ? { ...h, error: toErrorInfo(e) } : h)),
      )
      try {
        const bundles = await transport.call('listBundles', { engagementId })
        if (get().handover.engagementId !== engagementId) return
        patch((h) => ({ ...h, bundles }))
        await show(keepShown(bundles, get().handover.shown))
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
        void show(bundleName(built.dir), false)
        await verify(bundleName(built.dir))
      } catch (e) {
        fail(e)
      }
    },
    verifyBundleNamed: verify,
    async addAcceptance(name, files) {
      if (get().handover.busy) return null
      patch((h) => ({ ...h, busy: 'accept', error: null }))
      try {
        const { acceptance, report } = await transport.call('addAcceptance', { engagementId: engagement(), bundle: name, files })
        patch((h) => ({ ...h, busy: null, report, reportOf: name }))
        // the zip beside the folder now carries the acceptance too: refresh its size
        if (get().handover.shown === name) void show(name, false)
        notify('success', `Accepted by ${acceptance.name}`, `${acceptance.stem} added beside ${name}.`)
        return null
      } catch (e) {
        patch((h) => ({ ...h, busy: null }))
        return toErrorInfo(e)
      }
    },
    showBundle: (name) => show(name),
    async bundleFileBytes(name, path) {
      const f = await transport.call('readBundleFile', { engagementId: engagement(), bundle: name, path })
      return fromBase64(f.base64)
    },
    async bundleZipBytes(name) {
      try {
        const f = await transport.call('readBundleZip', { engagementId: engagement(), bundle: name })
        return { fileName: f.path, bytes: fromBase64(f.base64) }
      } catch (e) {
        notify('error', 'Could not download the zip', toErrorInfo(e).message)
        return null
      }
    },
    async openBundleFolder(name) {
      try {
        const r = await transport.call('openBundleFolder', { engagementId: engagement(), bundle: name })
        if ('unsupported' in r) notify('error', 'This window cannot open folders', 'Copy the folder path instead.')
      } catch (e) {
        notify('error', 'Could not open the folder', toErrorInfo(e).message)
      }
    },
    async saveBundleCopy(name) {
      try {
        const r = await transport.call('saveBundleCopy', { engagementId: engagement(), bundle: name })
        if ('unsupported' in r) notify('error', 'This window has no save dialog', 'Use Download .zip instead.')
        else if (r.savedTo) notify('success', 'Saved a copy of the bundle', r.savedTo)
      } catch (e) {
        notify('error', 'Could not save a copy', toErrorInfo(e).message)
      }
    },
    async countersign(name, founderName, founderEmail) {
      patch((h) => ({ ...h, busy: 'countersign', error: null }))
      try {
        const countersigned = await transport.call('countersignBundle', { name, founderName, founderEmail, founderPresent: true })
        patch((h) => ({ ...h, busy: null, countersigned }))
        // the zip now carries the countersignature too: refresh its size
        if (get().handover.shown === name) void show(name, false)
        await verify(name)
      } catch (e) {
        fail(e)
      }
    },
  }
}
