import type { SecretStore } from './keychain'

/**
 * Secrets held in this process only, for the sandbox demo on a machine without a keychain: the
 * demo's signing identity lives and dies with the run, and nothing is ever written to disk.
 */
export function createMemoryStore(): SecretStore {
  const m = new Map<string, string>()
  return {
    available: async () => ({ ok: true }),
    get: async (a) => m.get(a) ?? null,
    set: async (a, s) => void m.set(a, s),
    delete: async (a) => m.delete(a),
  }
}
