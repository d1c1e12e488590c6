import type { NetworkProfile } from '../net/profile'

/** What a provider's own verify endpoint reports about a credential. */
export interface VerifyResult {
  /** The account identity the provider reports (email, account name, token id). */
  identity: string
  /** Permissions/scopes the credential carries, as the provider names them. */
  scopes: string[]
  /** When the credential stops working by itself (a Cloudflare token's expires_on), if it does. */
  expiresAt?: string
}

/** Calls a provider's verify endpoint; throws AppError (or ProviderError) on failure. */
export type Verifier = (secret: string, profile: NetworkProfile) => Promise<VerifyResult>

const verifiers = new Map<string, Verifier>()

/**
 * Register the verifier for a provider id ("cloudflare", "vercel", "registrar-porkbun", ...).
 * Provider clients call this at module load; a later registration replaces an earlier one.
 */
export function registerVerifier(provider: string, verify: Verifier): void {
  verifiers.set(provider, verify)
}

/** The verifier for a provider, or undefined when none is registered. */
export function getVerifier(provider: string): Verifier | undefined {
  return verifiers.get(provider)
}

/** Provider ids that have a verifier. */
export function verifierProviders(): string[] {
  return [...verifiers.keys()].sort()
}
