import type { Workspace } from '../../electron/core/workspace'
import type { SecretStore } from '../../electron/core/vault/keychain'
import { createMemoryStore } from '../../electron/core/vault/memory-store'
import { setConsultant } from '../../electron/core/handover/consultant'
import type { ConsultantDetails } from '@shared/contract/identity'

/** The consultant the tests sign as (what `handover identity set` would record). */
export const TEST_CONSULTANT: ConsultantDetails = { name: 'Ada Consultant', email: 'ada@example.com', organisation: 'Ada Launch Studio', website: 'https://ada.example' }

/** Set the consultant's identity on a workspace, its keys in `secrets` (a memory keychain by default). */
export async function consultantStore<S extends SecretStore = SecretStore>(ws: Workspace, secrets: S = createMemoryStore() as S, details: Partial<ConsultantDetails> = {}): Promise<S> {
  await setConsultant(ws.db, secrets, { ...TEST_CONSULTANT, ...details })
  return secrets
}
