import type { Credential, CredentialProvider, KeychainStatus } from '@shared/contract/credentials'
import type { ErrorInfo } from '@shared/errors'

/** The credentials of one engagement, the keychain's state, and the open add/rotate panel. */
export interface VaultState {
  engagementId: string | null
  items: Credential[] | null
  keychain: KeychainStatus | null
  error: ErrorInfo | null
  /** The add or rotate panel's failure, shown in place. */
  formError: ErrorInfo | null
  busy: boolean
}

export interface NewCredential {
  provider: CredentialProvider
  label: string
  secret: string
  owner: 'consultant' | 'founder'
  rotationDue: string
}

export interface VaultActions {
  loadVault(engagementId: string): Promise<void>
  /** Store a secret in the keychain (verified with the provider); true when saved. */
  addVaultCredential(input: NewCredential): Promise<boolean>
  verifyVaultCredential(id: string): Promise<void>
  /** Replace the secret (verified first; offline: pending until the next online run), recording who and why; true when saved. */
  rotateVaultCredential(id: string, secret: string, o?: { by?: string; reason?: string; offline?: boolean }): Promise<boolean>
  /** Change the next rotation date or the period; true when saved. */
  scheduleVaultCredential(id: string, p: { rotationDue?: string | null; rotationDays?: number }): Promise<boolean>
  removeVaultCredential(id: string): Promise<void>
  clearVaultFormError(): void
}
