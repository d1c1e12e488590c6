import { Entry } from '@napi-rs/keyring'

export const KEYCHAIN_SERVICE = 'Handover Console'

/** Where secrets live: the OS keychain behind a small interface, so the backend can change. */
export interface SecretStore {
  /** Whether a secure backend answers; never falls back to a file. */
  available(): Promise<{ ok: true } | { ok: false; reason: string }>
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
}

/** The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux). */
export function createKeychainStore(service = KEYCHAIN_SERVICE): SecretStore {
  // On Linux the binding would silently fall back to the kernel keyutils keyring (in-memory,
  // lost on reboot) when no Secret Service answers: pin the Secret Service so we refuse instead.
  const entry = (account: string) => new Entry(service, account, { linux: { store: 'secret-service' } })
  return {
    async available() {
      const probe = `probe-${process.pid}-${Date.now()}`
      try {
        entry(probe).setPassword('probe')
        entry(probe).deletePassword()
        return { ok: true }
      } catch (e) {
        return { ok: false, reason: e instanceof Error ? e.message : String(e) }
      }
    },
    async get(account) {
      return entry(account).getPassword() ?? null
    },
    async set(account, secret) {
      entry(account).setPassword(secret)
    },
    async delete(account) {
      try {
        return entry(account).deletePassword()
      } catch {
        return false
      }
    },
  }
}
