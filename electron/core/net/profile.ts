/**
 * How the engine reaches the internet: the same settings serve real use (a custom resolver,
 * DoH, a connect-to preflight before a DNS cutover) and the sandbox (lab resolver, connect-to
 * into loopback ports, the lab CA, provider base URLs). No code path exists only for tests.
 */
import type { ConnectToRule } from '@shared/network'

export { parseConnectTo, type ConnectToRule } from '@shared/network'

export interface ProviderUrls {
  /** Cloudflare API v4 base, e.g. https://api.cloudflare.com/client/v4 */
  cloudflare?: string
  /** RDAP bootstrap file for DNS (IANA's dns.json format). */
  rdapBootstrap?: string
  vercel?: string
  netlify?: string
  uptimerobot?: string
  betterstack?: string
  /** Registrar APIs (Porkbun JSON v3, Namecheap XML, GoDaddy v1, Gandi v5). */
  porkbun?: string
  namecheap?: string
  godaddy?: string
  gandi?: string
  /** APIs the vault verifies credentials of (rotation runbooks check new and old keys live). */
  github?: string
  stripe?: string
  /** AWS STS endpoint (GetCallerIdentity). */
  aws?: string
  /** Supabase Management API. */
  supabase?: string
}

export interface NetworkProfile {
  /** Recursive resolvers as "ip:port" (port optional, 53). Empty: the system's (/etc/resolv.conf). */
  resolvers: string[]
  /** DNS-over-HTTPS endpoint (RFC 8484); when set, recursive queries go there instead. */
  doh?: string
  /** curl --connect-to style rewrites, applied to DNS (nameserver:53), HTTP(S) and TLS connections. */
  connectTo: ConnectToRule[]
  /** Extra trusted root certificates (PEM), in addition to the system roots. */
  extraCaPem: string[]
  providers: ProviderUrls
  timeouts: { dnsMs: number; connectMs: number; requestMs: number; checkMs: number }
  /** Polite concurrency per remote host. */
  perHostConcurrency: number
  /** Set when the machine is known to be offline: network checks end at once as `error`. */
  offline?: boolean
  /**
   * Private addresses and names checks may reach (the engagement's private targets, see
   * net/egress): without an entry, no check connects to loopback, RFC 1918, link-local … addresses.
   */
  privateTargets?: string[]
}

export const DEFAULT_PROFILE: NetworkProfile = {
  resolvers: [],
  connectTo: [],
  extraCaPem: [],
  providers: {},
  timeouts: { dnsMs: 2500, connectMs: 5000, requestMs: 10_000, checkMs: 30_000 },
  perHostConcurrency: 4,
}

/** Find where a connection to host:port should really go (first matching rule wins). */
export function applyConnectTo(rules: ConnectToRule[], host: string, port: number): { host: string; port: number; rule?: ConnectToRule } {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '')
  for (const r of rules) {
    if ((r.host === '' || r.host.toLowerCase() === h) && (r.port === 0 || r.port === port)) {
      return { host: r.toHost || host, port: r.toPort || port, rule: r }
    }
  }
  return { host, port }
}
