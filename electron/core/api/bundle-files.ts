import { basename } from 'node:path'
import type { ApiSlice, CoreServices } from './types'
import { bundlesDir } from './handover'
import { addAcceptance } from '../handover/bundle/add-acceptance'
import { verifyBundle } from '../handover/bundle/verify'
import { bundleZip, findBundle, readBundleFile, readBundleZip, zipSize } from '../handover/bundle/read'

/**
 * Reading a bundle's files for the UI (the page preview, browser mode's download) and the
 * native folder and save actions. Every call names an engagement and one of its bundles; the
 * files are confined to that bundle's folder (electron/core/handover/bundle/read.ts).
 */
export function bundleFileApi({ workspace, desktop }: CoreServices): ApiSlice<'readBundleFile' | 'readBundleZip' | 'bundlePlace' | 'openBundleFolder' | 'saveBundleCopy' | 'addAcceptance'> {
  const bundle = (engagementId: string, name: string) => findBundle(bundlesDir(workspace.dir), name, workspace.engagements.get(engagementId).domain)
  return {
    readBundleFile: ({ engagementId, bundle: name, path }) => {
      const data = readBundleFile(bundle(engagementId, name).dir, path)
      return { path, size: data.length, base64: data.toString('base64') }
    },
    readBundleZip: ({ engagementId, bundle: name }) => {
      const b = bundle(engagementId, name)
      const data = readBundleZip(b)
      return { path: basename(b.zip), size: data.length, base64: data.toString('base64') }
    },
    bundlePlace: ({ engagementId, bundle: name }) => {
      const b = bundle(engagementId, name)
      return { name: b.name, dir: b.dir, zip: b.zip, zipSize: zipSize(b), desktop: !!desktop }
    },
    openBundleFolder: async ({ engagementId, bundle: name }) => {
      const b = bundle(engagementId, name)
      if (!desktop) return { unsupported: true }
      await desktop.openPath(b.dir)
      return { opened: true }
    },
    addAcceptance: async ({ engagementId, bundle: name, files }) => {
      const b = bundle(engagementId, name)
      const acceptance = await addAcceptance(
        b.dir,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
      )
      return { acceptance, report: await verifyBundle(b.dir) }
    },
    saveBundleCopy: async ({ engagementId, bundle: name }) => {
      const b = bundle(engagementId, name)
      if (!desktop) return { unsupported: true }
      // a missing or linked zip is refused before any dialog opens
      return { savedTo: await desktop.saveFileAs(bundleZip(b), basename(b.zip)) }
    },
  }
}
