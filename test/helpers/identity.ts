import { openWorkspace } from '../../electron/core/workspace'
import { createKeychainStore } from '../../electron/core/vault/keychain'
import { removeIdentity } from '../../electron/core/handover/identity'

/** Remove the consultant's signing identity a test created in a workspace (its key lives in the keychain). */
export async function forgetConsultant(workspaceDir: string): Promise<void> {
  const w = openWorkspace(workspaceDir)
  try {
    await removeIdentity(w.db, createKeychainStore(), 'consultant')
  } finally {
    w.close()
  }
}
