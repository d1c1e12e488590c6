import type { FetchFn } from '../fetch'

/** The registrars whose APIs the app speaks (Cloudflare Registrar through the Cloudflare API). */
export const REGISTRARS = ['cloudflare', 'porkbun', 'namecheap', 'godaddy', 'gandi'] as const
export type RegistrarId = (typeof REGISTRARS)[number]

export interface RegistrarContact {
  /** registrant/owner, admin, tech, billing. */
  role: string
  name?: string
  organization?: string
  email?: string
}

/** The account that holds a domain, as far as the registrar's API tells. */
export interface RegistrarAccount {
  /** The account as the registrar names it (user name, account or organisation name). */
  name: string
  id?: string
  /** E-mail addresses of whoever holds the account (its owner or super administrators); empty where the API does not say. */
  emails: string[]
  /** Whether signing in to the account needs a second factor; null where the API does not expose it. */
  twoFactor: boolean | null
}

/** One domain as the registrar account holding it reports it; null fields are ones the API does not offer. */
export interface RegistrarDomain {
  registrar: RegistrarId
  domain: string
  account: RegistrarAccount
  autoRenew: boolean | null
  locked: boolean | null
  expiresAt: string | null
  nameservers: string[] | null
  privacy: boolean | null
  dnssec: boolean | null
  contacts: RegistrarContact[]
  /** The API answers it was read from (secrets never included), for evidence. */
  raw: Record<string, unknown>
}

/** What a registrar credential can tell about a domain and about itself. */
export interface RegistrarClient {
  readonly registrar: RegistrarId
  /** The domain as this credential's account holds it, or null when the account does not hold it. */
  domain(name: string): Promise<RegistrarDomain | null>
  /** Who the credential is: the identity the provider reports, and its scopes. */
  whoami(): Promise<{ identity: string; scopes: string[] }>
}

/** Options every registrar client takes. */
export interface RegistrarOptions {
  fetch: FetchFn
  baseURL?: string
  timeoutMs: number
  signal?: AbortSignal
}

/** A date the API gave, as ISO 8601, or null when it is missing or unreadable. */
export function isoDate(v: unknown): string | null {
  if (typeof v !== 'string' || !v.trim()) return null
  // "2026-08-20 17:52:51" (Porkbun) and "08/20/2026" (Namecheap) as well as ISO
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v.trim())
  const text = us ? `${us[3]}-${us[1]}-${us[2]}T00:00:00Z` : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v.trim()) ? `${v.trim().replace(' ', 'T')}Z` : v
  const t = Date.parse(text)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** Lowercase host names without a trailing dot. */
export const hostList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x).map((n) => n.toLowerCase().replace(/\.$/, '')) : [])
