/** The vault: keychain-backed credentials, provider verifiers and the redaction registry. */
export { registerVerifier, getVerifier, verifierProviders } from './verifiers'
export type { Verifier, VerifyResult } from './verifiers'
export { createKeychainStore, KEYCHAIN_SERVICE } from './keychain'
export type { SecretStore } from './keychain'
export { mask, redact, redactDeep, registerSecret } from './redact'
export { CredentialService, KEYCHAIN_DOCS } from './service'
export { keychainCredentialSource, memoryCredentialSource, type LabToken } from './sources'
