/**
 * Network settings syntax shared by the engine, the CLI and the Settings screen, so a rule the
 * form accepts is exactly a rule the engine runs: curl's --connect-to and "ip[:port]" resolvers.
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
  const rule = { host: strip(m[1]), port: port(m[2]), toHost: strip(m[3]), toPort: port(m[4]) }
  if (!rule.toHost && !rule.toPort) throw new Error(`--connect-to "${spec}" goes nowhere: give HOST2, PORT2 or both`)
  return rule
}

/** A rule back in curl's syntax (brackets around IPv6 literals). */
export function formatConnectTo(r: ConnectToRule): string {
  const h = (s: string) => (s.includes(':') ? `[${s}]` : s)
  return `${h(r.host)}:${r.port || ''}:${h(r.toHost)}:${r.toPort || ''}`
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** An IPv6 literal, as the WHATWG URL parser (Node and Chromium alike) reads one. */
function isIpv6(s: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(s) || !s.includes(':')) return false
  try {
    return new URL(`http://[${s}]/`).hostname.length > 2
  } catch {
    return false
  }
}

/**
 * Check a recursive resolver address: "192.0.2.53", "192.0.2.53:5353", "::1" or "[::1]:5353".
 * Returns the reason it is not one, or null when it is.
 */
export function resolverProblem(spec: string): string | null {
  const t = spec.trim()
  const bracket = /^\[([^\]]+)\](?::(.*))?$/.exec(t)
  const colons = t.split(':').length - 1
  const [host, port] = bracket ? [bracket[1], bracket[2]] : colons === 1 ? t.split(':') : [t, undefined]
  if (!(bracket || colons > 1 ? isIpv6(host) : IPV4.test(host))) return `"${spec}" is not an IP address (name a resolver by its address, not a host name)`
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) return `"${spec}" has an invalid port`
  return null
}

/** Check a DNS-over-HTTPS endpoint: an https:// URL (RFC 8484). Null when fine. */
export function dohProblem(url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return `"${url}" is not a URL`
  }
  if (u.protocol !== 'https:') return 'DNS-over-HTTPS needs an https:// URL'
  if (u.username || u.password) return 'DNS-over-HTTPS URLs must not carry a user name or password'
  return null
}
