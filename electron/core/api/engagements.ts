import type { ApiSlice, CoreServices } from './types'
import { VERSION } from '../version'
import type { SecretStore } from '../vault/keychain'
import { safeSlug } from '../files/slug'
import { UNDO_GRACE_MS, UNDO_WINDOW_MS } from '../workspace/engagements'

/** App info and engagement CRUD. */
export function engagementApi({ workspace, events, mode, credentials }: CoreServices, secrets?: SecretStore): ApiSlice<
  | 'appInfo'
  | 'listEngagements'
  | 'getEngagement'
  | 'createEngagement'
  | 'updateEngagement'
  | 'removeEngagement'
  | 'restoreEngagement'
  | 'exportEngagement'
  | 'importEngagement'
  | 'verifyEvidence'
> {
  const { engagements } = workspace
  // deletions in their Undo window: each ends for good when its timer fires (or the workspace closes)
  const undoTimers = new Map<string, NodeJS.Timeout>()
  return {
    appInfo: () => ({ version: VERSION, workspace: workspace.dir, mode, platform: process.platform, ...(credentials ? { sandbox: true } : {}) }),
    listEngagements: () => engagements.list(),
    getEngagement: ({ id }) => engagements.get(id),
    createEngagement: (input) => {
      const e = engagements.create(input)
      events.emit({ type: 'engagements.changed', id: e.id, change: 'created' })
      return e
    },
    updateEngagement: (input) => {
      const e = engagements.update(input)
      events.emit({ type: 'engagements.changed', id: e.id, change: 'updated' })
      return e
    },
    removeEngagement: ({ id, undoable }) => {
      if (!undoable) {
        const r = engagements.remove(id)
        events.emit({ type: 'engagements.changed', id: r.id, change: 'removed' })
        return r
      }
      const r = engagements.removeLater(id)
      const timer = setTimeout(() => {
        undoTimers.delete(r.id)
        if (workspace.db.open) engagements.finishRemovals([r.id])
      }, UNDO_WINDOW_MS + UNDO_GRACE_MS)
      timer.unref()
      undoTimers.set(r.id, timer)
      events.emit({ type: 'engagements.changed', id: r.id, change: 'removed' })
      return { id: r.id, undoWithinMs: UNDO_WINDOW_MS }
    },
    restoreEngagement: ({ id }) => {
      clearTimeout(undoTimers.get(id))
      undoTimers.delete(id)
      const e = engagements.restore(id)
      events.emit({ type: 'engagements.changed', id: e.id, change: 'created' })
      return e
    },
    exportEngagement: async ({ id }) => {
      const e = engagements.get(id)
      // Signing (node-forge), the keychain binding and the export format load on first use: listing engagements needs none of them.
      const [{ consultantAnchorSigner }, { exportEngagement }, { createKeychainStore }] = await Promise.all([
        import('../handover/consultant'),
        import('../workspace/transfer'),
        import('../vault/keychain'),
      ])
      const r = exportEngagement(workspace, e.id, await consultantAnchorSigner(workspace.db, secrets ?? createKeychainStore()))
      return { fileName: `${safeSlug(r.domain)}.handover`, dataBase64: r.bytes.toString('base64'), evidence: r.evidence }
    },
    importEngagement: async ({ dataBase64 }) => {
      const { importEngagement } = await import('../workspace/transfer')
      const r = await importEngagement(workspace, Buffer.from(dataBase64, 'base64'))
      events.emit({ type: 'engagements.changed', id: r.id, change: 'created' })
      return r
    },
    verifyEvidence: async ({ id }) => {
      const e = engagements.get(id)
      // the chain's checks (signature verification, node:crypto) load here, not with the engagement list
      const { verifyChain } = await import('../evidence/coverage')
      return verifyChain(workspace.db, workspace.evidence, e.id)
    },
  }
}
