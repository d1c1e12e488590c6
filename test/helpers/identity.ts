import type { Workspace } from '../../electron/core/workspace'
import type { SecretStore } from '../../electron/core/vault/keychain'
import { createMemoryStore } from '../../electron/core/vault/memory-store'
import { setConsultant } from '../../electron/core/handover/consultant'
import { openWorkspace } from '../../electron/core/workspace'
import { createKeychainStore } from '../../electron/core/vault/keychain'
import { removeIdentity } from '../../electron/core/handover/identity'
import type { ConsultantDetails } from '@shared/contract/identity'

/** The consultant the tests sign as (what `handover identity set` would record). */
export const TEST_CONSULTANT: ConsultantDetails = { name: 'Ada Consultant', email: 'ada@example.com', organisation: 'Ada Launch Studio', website: 'https://ada.example' }

/** Set the consultant's identity on a workspace, its keys in `secrets` (a memory keychain by default). */
export async function consultantStore<S extends SecretStore = SecretStore>(ws: Workspace, secrets: S = createMemoryStore() as S, details: Partial<ConsultantDetails> = {}): Promise<S> {
  await setConsultant(ws.db, secrets, { ...TEST_CONSULTANT, ...details })
  return secrets
}

/** Remove the consultant's signing identity a test created in a workspace (its key lives in the keychain). */
export async function forgetConsultant(workspaceDir: string): Promise<void> {
  const w = openWorkspace(workspaceDir)
  try {
    await removeIdentity(w.db, createKeychainStore(), 'consultant')
  } finally {
    w.close()
  }
}
