import type { CredentialRotation } from '@shared/contract/credentials'
import type { ApiSlice, CoreServices } from './types'
import { CredentialService } from '../vault/service'
import { createKeychainStore, type SecretStore } from '../vault/keychain'
import { networkProfile } from '../settings/profile'
// The provider clients register their verify endpoints (Cloudflare, Vercel, ...) on load.
import '../providers/verifiers'

const services = new WeakMap<CoreServices['workspace'], CredentialService>()

/** The credential service of a workspace (one per open workspace; the OS keychain by default). */
export function credentialService(core: Pick<CoreServices, 'workspace' | 'profile'>, store?: SecretStore): CredentialService {
  let s = services.get(core.workspace)
  if (!s) services.set(core.workspace, (s = new CredentialService(core.workspace.db, store ?? createKeychainStore(), () => networkProfile(core), core.workspace.evidence)))
  return s
}

/** Credential methods: add / verify / rotate / remove / list, and the keychain's status. */
export function credentialApi(
  core: CoreServices,
  store?: SecretStore,
): ApiSlice<'listCredentials' | 'addCredential' | 'verifyCredential' | 'rotateCredential' | 'updateCredential' | 'listCredentialRotations' | 'removeCredential' | 'keychainStatus'> {
  const svc = () => credentialService(core, store)
  return {
    listCredentials: (input) => svc().list(input?.engagementId),
    addCredential: (input) => svc().add(input),
    verifyCredential: ({ id }) => svc().verify(id),
    rotateCredential: ({ id, secret, by, reason, offline }) => svc().rotate(id, secret, { by, reason, offline }),
    updateCredential: ({ id, ...patch }) => svc().update(id, patch),
    listCredentialRotations: ({ id, engagementId }) => {
      if (id) return svc().log.list({ credentialId: svc().get(id).id }) as CredentialRotation[]
      return svc().log.list({ engagementId: engagementId ? core.workspace.engagements.get(engagementId).id : '' }) as CredentialRotation[]
    },
    removeCredential: ({ id }) => svc().remove(id),
    keychainStatus: () => svc().status(),
  }
}
