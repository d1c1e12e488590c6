import type { Normalized } from './check-config'

/**
 * Private targets: the names and addresses an engagement allows checks to reach although they
 * are loopback, RFC 1918, link-local or other private addresses (an internal staging host).
 * Without an entry here, no check connects to a private address. Entries are a host name
 * (`staging.corp.acme.example`), an IP address (`10.20.0.5`, `fd00::5`) or a narrow block
 * (`10.20.0.0/24`); never a URL or a port.
 */
export const MAX_PRIVATE_TARGETS = 20

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
/** Blocks wider than these would open whole networks, not name a target. */
const WIDEST = { 4: 16, 6: 48 } as const

/** An IPv6 literal in canonical form (WHATWG URL), or undefined. */
function ipv6(s: string): string | undefined {
  if (!s.includes(':') || !/^[0-9a-f:.]+$/i.test(s)) return undefined
  try {
    return new URL(`http://[${s}]/`).hostname.slice(1, -1)
  } catch {
    return undefined
  }
}

function address(s: string): { value: string; family: 4 | 6 } | undefined {
  if (IPV4.test(s)) return { value: s, family: 4 }
  const v6 = ipv6(s.replace(/^\[|\]$/g, ''))
  return v6 ? { value: v6, family: 6 } : undefined
}

/** Normalise one private target as a person types it; a reason when it is not one. */
export function normalizePrivateTarget(input: string): Normalized {
  const typed = String(input ?? '').trim()
  const s = typed.toLowerCase().replace(/\.$/, '')
  if (!s) return { ok: false, reason: 'a private target cannot be empty' }
  if (s.length > 253) return { ok: false, reason: 'a private target is at most 253 characters' }
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s) || (s.includes('/') && !/^[0-9a-f:.[\]]+\/\d+$/.test(s))) {
    return { ok: false, reason: `"${typed}" is not a host or address: give the host name or IP alone, like staging.corp.example or 10.0.0.5` }
  }
  const cidr = /^(.+)\/(\d{1,3})$/.exec(s)
  if (cidr) {
    const a = address(cidr[1])
    const prefix = Number(cidr[2])
    if (!a) return { ok: false, reason: `"${typed}": ${cidr[1]} is not an IP address` }
    const max = a.family === 4 ? 32 : 128
    if (prefix > max) return { ok: false, reason: `"${typed}": an IPv${a.family} block is at most /${max}` }
    if (prefix < WIDEST[a.family]) return { ok: false, reason: `"${typed}" opens a whole network: name the host, or a block of /${WIDEST[a.family]} or narrower` }
    return { ok: true, value: `${a.value}/${prefix}` }
  }
  const a = address(s)
  if (a) return { ok: true, value: a.value }
  if (/:\d+$/.test(s)) return { ok: false, reason: `"${typed}" has a port: give the host alone (every port of it is allowed)` }
  if (!s.split('.').every((l) => LABEL.test(l))) return { ok: false, reason: `"${typed}" is not a host name or IP address` }
  return { ok: true, value: s }
}
