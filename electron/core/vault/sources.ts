import type { CredentialSource, ProviderCredential } from '../checks/types'
import type { CredentialService } from './service'
import { registerSecret } from './redact'

/** A lab scenario's sandbox token: used in memory for one run, never written to the keychain. */
export interface LabToken {
  provider: string
  secret: string
  label?: string
}

/**
 * Credentials for one run of an engagement, read from the keychain on demand (each value is
 * registered for redaction as it is read). Engagement credentials win over unattached ones.
 */
export function keychainCredentialSource(service: CredentialService, engagementId: string | null): CredentialSource {
  const cache = new Map<string, Promise<ProviderCredential | null>>()
  const load = async (provider: string): Promise<ProviderCredential | null> => {
    const all = service.list().filter((c) => c.provider === provider || (provider === 'registrar' && c.provider.startsWith('registrar-')))
    const pick = all.find((c) => engagementId && c.engagementId === engagementId) ?? all.find((c) => c.engagementId === null)
    if (!pick) return null
    const secret = await service.secret(pick.id).catch(() => null)
    return secret === null ? null : { id: pick.id, provider: pick.provider, label: pick.label, secret }
  }
  return {
    get(provider) {
      let p = cache.get(provider)
      if (!p) cache.set(provider, (p = load(provider)))
      return p
    },
    // Rotations stored offline are verified (and promoted) before the run reads any secret.
    prepare: () => service.verifyPending(engagementId),
  }
}

/** Credentials held in memory only (a lab scenario's tokens); every value is registered for redaction. */
export function memoryCredentialSource(tokens: LabToken[]): CredentialSource {
  for (const t of tokens) registerSecret(t.secret)
  return {
    async get(provider) {
      const i = tokens.findIndex((t) => t.provider === provider || (provider === 'registrar' && t.provider.startsWith('registrar-')))
      if (i < 0) return null
      const t = tokens[i]
      return { id: `lab-${t.provider}-${i}`, provider: t.provider, label: t.label ?? `${t.provider} (lab)`, secret: t.secret }
    },
  }
}
