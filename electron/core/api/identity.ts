import type { ApiSlice, CoreServices } from './types'
import { createKeychainStore, type SecretStore } from '../vault/keychain'
import { getConsultant, rekeyConsultant, setConsultant } from '../handover/consultant'

/** The consultant's signing identity: show, set details, re-key (explicit and recorded). */
export function identityApi({ workspace }: CoreServices, secrets: SecretStore = createKeychainStore()): ApiSlice<'signingIdentity' | 'saveSigningIdentity' | 'rekeySigningIdentity'> {
  return {
    signingIdentity: () => getConsultant(workspace.db),
    saveSigningIdentity: (details) => setConsultant(workspace.db, secrets, details),
    rekeySigningIdentity: ({ reason }) => rekeyConsultant(workspace.db, secrets, reason),
  }
}
