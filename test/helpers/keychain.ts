import { createKeychainStore, type SecretStore } from '../../electron/core/vault/keychain'

/**
 * The real OS keychain, for tests that sign: fails at once with how to run them when no Secret
 * Service answers (npm test starts one; for one file, /tmp/kr.sh or dbus-run-session).
 */
export async function realKeychain(): Promise<SecretStore> {
  const keychain = createKeychainStore()
  const available = await keychain.available()
  if (!available.ok) throw new Error(`these tests need a Secret Service (run them via npm test or dbus-run-session): ${available.reason}`)
  return keychain
}
