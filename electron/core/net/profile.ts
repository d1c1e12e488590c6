/**
 * How the engine reaches the internet: the same settings serve real use (a custom resolver,
 * DoH, a connect-to preflight before a DNS cutover) and the sandbox (lab resolver, connect-to
 * into loopback ports, the lab CA, provider base URLs). No code path exists only for tests.
 */
export interface ConnectToRule {
  /** Host name (or IP literal) as the URL / nameserver is named; '' matches any host. */
  host: string
  /** Port as requested; 0 matches any port. */
  port: number
  /** Where to connect instead; '' keeps the host. */
  toHost: string
  /** 0 keeps the port. */
  toPort: number
}

export interface ProviderUrls {
  /** Cloudflare API v4 base, e.g. https://api.cloudflare.com/client/v4 */
  cloudflare?: string
  /** RDAP bootstrap file for DNS (IANA's dns.json format). */
  rdapBootstrap?: string
  vercel?: string
  netlify?: string
  uptimerobot?: string
  betterstack?: string
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

/** Parse curl's --connect-to syntax HOST1:PORT1:HOST2:PORT2 (IPv6 in brackets). */
export function parseConnectTo(spec: string): ConnectToRule {
  const m = /^(\[[^\]]*\]|[^:]*):(\d*):(\[[^\]]*\]|[^:]*):(\d*)$/.exec(spec.trim())
  if (!m) throw new Error(`--connect-to "${spec}" is not HOST1:PORT1:HOST2:PORT2`)
  const strip = (s: string) => s.replace(/^\[|\]$/g, '')
  const port = (s: string) => {
    const n = s ? Number(s) : 0
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--connect-to "${spec}" has an invalid port`)
    return n
  }
  return { host: strip(m[1]), port: port(m[2]), toHost: strip(m[3]), toPort: port(m[4]) }
}
