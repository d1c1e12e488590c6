import { parse } from 'tldts'

/** Why a domain was refused, in words a person can act on. */
export type DomainCheck = { ok: true; domain: string } | { ok: false; reason: string }

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/**
 * Normalise a domain typed by a person: trims, lowercases, drops a scheme, path or trailing
 * dot, converts IDN to punycode (WHATWG URL's IDNA), and requires a registrable name under a
 * public suffix (tldts; unknown TLDs such as .example and .test count as one label suffix).
 */
export function normalizeDomain(input: string): DomainCheck {
  let s = String(input ?? '').trim()
  if (!s) return { ok: false, reason: 'a domain is required' }
  if (s.length > 300) return { ok: false, reason: 'that is too long to be a domain' }
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/?#].*$/, '')
  if (s.endsWith('.')) s = s.slice(0, -1)
  if (/\s/.test(s)) return { ok: false, reason: `"${input}" contains spaces` }
  if (s.includes('@')) return { ok: false, reason: `"${input}" looks like an email address, not a domain` }
  if (/:\d*$/.test(s)) return { ok: false, reason: `"${input}" has a port; give the domain alone` }
  let ascii: string
  try {
    ascii = new URL(`http://${s}/`).hostname
  } catch {
    return { ok: false, reason: `"${input}" is not a valid domain name` }
  }
  if (/^[\d.]+$/.test(ascii) || ascii.startsWith('[')) return { ok: false, reason: `"${input}" is an IP address, not a domain` }
  if (ascii.length > 253) return { ok: false, reason: 'a domain name is at most 253 characters' }
  const labels = ascii.split('.')
  if (labels.length < 2) return { ok: false, reason: `"${input}" needs a dot and a top-level domain, like example.com` }
  const bad = labels.find((l) => !LABEL.test(l))
  if (bad !== undefined) return { ok: false, reason: `"${input}" has an invalid label "${bad}"` }
  const info = parse(ascii, { allowPrivateDomains: false })
  if (!info.domain) return { ok: false, reason: `"${input}" is a public suffix, not a registrable domain` }
  return { ok: true, domain: ascii }
}

/** Roles a declared host can play; they decide which checks apply. */
export const HOST_ROLES = ['apex', 'web', 'app', 'api', 'admin', 'staging', 'preview', 'other'] as const
export type HostRole = (typeof HOST_ROLES)[number]

/** Guess a host's role from its first label. */
export function guessRole(label: string): HostRole {
  const first = label.split('.')[0]
  if (label === '@' || label === '') return 'apex'
  if (first === 'www') return 'web'
  if (['app', 'dashboard', 'console', 'portal'].includes(first)) return 'app'
  if (['api', 'graphql', 'backend'].includes(first)) return 'api'
  if (['admin', 'backoffice'].includes(first)) return 'admin'
  if (['staging', 'stage', 'stg', 'qa', 'test', 'dev'].includes(first)) return 'staging'
  if (['preview', 'pr', 'beta', 'canary'].includes(first)) return 'preview'
  return 'other'
}

/**
 * Normalise a declared host relative to the primary domain: "www", "www.acme.example" and
 * "WWW.Acme.Example." all become "www.acme.example". Returns the FQDN or a reason.
 */
export function normalizeHost(input: string, domain: string): DomainCheck {
  const raw = String(input ?? '').trim().replace(/\.$/, '')
  if (!raw) return { ok: false, reason: 'a host name is required' }
  if (raw === '@') return { ok: true, domain }
  let ascii: string
  try {
    ascii = new URL(`http://${raw}/`).hostname
  } catch {
    return { ok: false, reason: `"${input}" is not a valid host name` }
  }
  const fqdn = ascii === domain || ascii.endsWith(`.${domain}`) ? ascii : `${ascii}.${domain}`
  const labels = fqdn.split('.')
  const bad = labels.find((l) => !LABEL.test(l))
  if (bad !== undefined) return { ok: false, reason: `"${input}" has an invalid label "${bad}"` }
  if (fqdn.length > 253) return { ok: false, reason: 'a host name is at most 253 characters' }
  return { ok: true, domain: fqdn }
}
