import type { CloudflareClient } from '../cloudflare/client'
import { CloudflareRegistrar } from './cloudflare'
import { GandiClient } from './gandi'
import { GoDaddyClient } from './godaddy'
import { NamecheapClient } from './namecheap'
import { PorkbunClient } from './porkbun'
import type { RegistrarClient, RegistrarId, RegistrarOptions } from './types'

export * from './types'

/** The credential provider id that opens each registrar's API. */
export const REGISTRAR_CREDENTIAL: Record<RegistrarId, string> = {
  cloudflare: 'cloudflare',
  porkbun: 'registrar-porkbun',
  namecheap: 'registrar-namecheap',
  godaddy: 'registrar-godaddy',
  gandi: 'registrar-gandi',
}

export const REGISTRAR_NAMES: Record<RegistrarId, string> = { cloudflare: 'Cloudflare Registrar', porkbun: 'Porkbun', namecheap: 'Namecheap', godaddy: 'GoDaddy', gandi: 'Gandi' }

/** Where a person signs in to each registrar. */
export const REGISTRAR_LOGIN: Record<RegistrarId, string> = {
  cloudflare: 'https://dash.cloudflare.com/',
  porkbun: 'https://porkbun.com/account/domainsSpeedy',
  namecheap: 'https://ap.www.namecheap.com/domains/list',
  godaddy: 'https://dcc.godaddy.com/control/portfolio',
  gandi: 'https://admin.gandi.net/domain/',
}

// IANA registrar ids (RDAP's publicIds) and the names registries publish.
const BY_IANA: Record<string, RegistrarId> = { '1910': 'cloudflare', '1861': 'porkbun', '1068': 'namecheap', '146': 'godaddy', '81': 'gandi' }
const BY_NAME: [RegExp, RegistrarId][] = [
  [/cloudflare/i, 'cloudflare'],
  [/porkbun/i, 'porkbun'],
  [/namecheap/i, 'namecheap'],
  [/godaddy/i, 'godaddy'],
  [/gandi/i, 'gandi'],
]

/** Which registrar RDAP names (by IANA id first, then by name), or undefined for one without an API here. */
export function registrarFromRdap(r: { name?: string; ianaId?: string } | null | undefined): RegistrarId | undefined {
  if (!r) return undefined
  if (r.ianaId && BY_IANA[r.ianaId]) return BY_IANA[r.ianaId]
  return BY_NAME.find(([re]) => re.test(r.name ?? ''))?.[1]
}

/** The registrar a credential provider id opens ('cloudflare' opens Cloudflare Registrar). */
export function registrarOfCredential(provider: string): RegistrarId | undefined {
  return (Object.entries(REGISTRAR_CREDENTIAL) as [RegistrarId, string][]).find(([, p]) => p === provider)?.[0]
}

/** A registrar API client for a stored credential; a malformed secret throws an auth ProviderError. */
export function createRegistrarClient(
  registrar: RegistrarId,
  secret: string,
  o: RegistrarOptions & { urls: Partial<Record<RegistrarId, string>>; cloudflare: (token: string) => CloudflareClient },
): RegistrarClient {
  const opts = { fetch: o.fetch, timeoutMs: o.timeoutMs, signal: o.signal, baseURL: o.urls[registrar] }
  switch (registrar) {
    case 'cloudflare':
      return new CloudflareRegistrar(o.cloudflare(secret))
    case 'porkbun':
      return new PorkbunClient(secret, opts)
    case 'namecheap':
      return new NamecheapClient(secret, opts)
    case 'godaddy':
      return new GoDaddyClient(secret, opts)
    case 'gandi':
      return new GandiClient(secret, opts)
  }
}
