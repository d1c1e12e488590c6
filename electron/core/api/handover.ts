import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '@shared/errors'
import type { ApiSlice, CoreServices } from './types'
import { createKeychainStore, type SecretStore } from '../vault/keychain'
import { InventoryRepo } from '../handover/inventory/repo'
import { prefillInventory } from '../handover/inventory/prefill'
import { createBundle } from '../handover/bundle/build'
import { verifyBundle } from '../handover/bundle/verify'
import { countersignBundle } from '../handover/bundle/countersign'
import { confinedPath, safeSlug } from '../files/slug'
import { handoverReadiness } from '../handover/facts/readiness'

/** The folder under the workspace where bundles made from the UI go (the UI never names paths). */
export function bundlesDir(workspaceDir: string): string {
  if (workspaceDir === ':memory:') throw new AppError('unavailable', 'an in-memory workspace has no folder for bundles')
  return join(workspaceDir, 'bundles')
}

/** Access inventory, bundle creation, verification and founders' acceptance. */
export function handoverApi(
  { workspace, events }: CoreServices,
  secrets: SecretStore = createKeychainStore(),
): ApiSlice<'listInventory' | 'saveInventoryEntry' | 'removeInventoryEntry' | 'importInventory' | 'prefillInventory' | 'handoverReadiness' | 'createBundle' | 'listBundles' | 'verifyBundle' | 'countersignBundle'> {
  const repo = new InventoryRepo(workspace.db)
  const engagement = (id: string) => workspace.engagements.get(id)
  return {
    listInventory: ({ engagementId }) => repo.list(engagement(engagementId).id),
    saveInventoryEntry: ({ engagementId, id, ...fields }) => repo.save(engagement(engagementId).id, fields, { id }),
    removeInventoryEntry: ({ id }) => repo.remove(id),
    importInventory: ({ engagementId, entries, replace }) => repo.import(engagement(engagementId).id, entries, replace),
    prefillInventory: ({ engagementId }) => prefillInventory(workspace.db, repo, engagement(engagementId).id),
    handoverReadiness: ({ engagementId }) => handoverReadiness(workspace, engagementId, repo.list(engagement(engagementId).id)),
    createBundle: async ({ engagementId }) => {
      const e = engagement(engagementId)
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
      const info = await createBundle({ workspace, engagement: e, outDir: confinedPath(bundlesDir(workspace.dir), `${safeSlug(e.domain)}-${stamp}`), secrets })
      events.emit({ type: 'engagements.changed', id: e.id, change: 'updated' })
      return info
    },
    listBundles: ({ engagementId }) => {
      const e = engagement(engagementId)
      const dir = bundlesDir(workspace.dir)
      if (!existsSync(dir)) return []
      return readdirSync(dir)
        .filter((n) => existsSync(join(dir, n, 'manifest.json')))
        .flatMap((name) => {
          try {
            const m = JSON.parse(readFileSync(join(dir, name, 'manifest.json'), 'utf8')) as { createdAt: string; engagement?: { domain?: string } }
            return m.engagement?.domain === e.domain ? [{ name, createdAt: m.createdAt ?? statSync(join(dir, name)).mtime.toISOString() }] : []
          } catch {
            return []
          }
        })
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },
    verifyBundle: ({ name, expectFingerprint }) => verifyBundle(join(bundlesDir(workspace.dir), name), { expectFingerprint }),
    // The contract requires founderPresent: the founder's key is made in this machine's keychain.
    countersignBundle: ({ name, founderName, founderEmail }) => countersignBundle(workspace.db, secrets, { path: join(bundlesDir(workspace.dir), name), name: founderName, email: founderEmail }),
  }
}
