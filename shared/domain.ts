import { parse } from 'tldts'

/**
 * A domain check's answer. A subdomain typed as the domain is refused with a `suggestion`: the
 * registrable domain to use instead, and the subdomain's label to keep as a declared host.
 */
export type DomainCheck = { ok: true; domain: string } | { ok: false; reason: string; suggestion?: { domain: string; host: string } }

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/**
 * Top-level names reserved for documentation and testing (RFC 2606, RFC 6761): never delegated
 * on the internet, so a name under them can only mean the sandbox (its scenarios use them).
 */
const RESERVED_FOR_TESTS = new Set(['example', 'test'])

/** What an input looks like before it is parsed as a name (`s`: the host part): a refusal reason, or null. */
function shapeProblem(input: string, raw: string, s: string): string | null {
  if (/^[./~\\]/.test(raw) || raw.includes('\\')) return `"${input}" looks like a file path, not a domain name`
  if (/\s/.test(s)) return `"${input}" contains spaces`
  if (s.includes('@')) return `"${input}" looks like an email address, not a domain`
  if (s.startsWith('[') || (s.match(/:/g) ?? []).length > 1) return `"${input}" is an IP address, not a domain`
  if (/:\d*$/.test(s)) return `"${input}" has a port; give the domain alone`
  return null
}

/**
 * A web address with more than a host (a path, a query, a fragment) is not a domain: the person
 * may have pasted the wrong thing, so it is refused rather than cut down. A lone trailing "/" is
 * only the way browsers print an address, and passes.
 */
function pathProblem(input: string, s: string, host: string): string | null {
  const rest = s.slice(s.indexOf(host) + host.length).replace(/^\.?\/?$/, '')
  return rest ? `"${input}" is a web address with a path; give the domain alone, like ${host.toLowerCase()}` : null
}

/**
 * Normalise a domain typed by a person: trims, lowercases, drops a scheme or trailing
 * dot (a web address with a path is refused), converts IDN to punycode (WHATWG URL's IDNA), and requires a registrable name under an
 * ICANN public suffix (the Public Suffix List's ICANN section, through tldts): `example.internal`
 * and `localhost.localdomain` are not (no public suffix), nor are `s3.amazonaws.com` or
 * `acme.vercel.app` (a provider's shared suffix, from the list's private section). A subdomain
 * comes back refused with the registrable domain as a suggestion. Names under the reserved
 * `.example` and `.test` (the sandbox's) count as under a public suffix.
 */
export function normalizeDomain(input: string): DomainCheck {
  let s = String(input ?? '').trim()
  if (!s) return { ok: false, reason: 'a domain is required' }
  if (s.length > 300) return { ok: false, reason: 'that is too long to be a domain' }
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  const host = s.replace(/[/?#].*$/, '').replace(/\.$/, '')
  const shape = shapeProblem(input, s, host) ?? (host ? null : `"${input}" has no host name`) ?? pathProblem(input, s, host)
  if (shape) return { ok: false, reason: shape }
  s = host
  let ascii: string
  try {
    ascii = new URL(`http://${s}/`).hostname
  } catch {
    return { ok: false, reason: `"${input}" is not a valid domain name` }
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ascii) && /^[\d.x]+$/i.test(s)) return { ok: false, reason: `"${input}" is an IP address, not a domain` }
  if (ascii.length > 253) return { ok: false, reason: 'a domain name is at most 253 characters' }
  const labels = ascii.split('.')
  if (labels.length < 2) return { ok: false, reason: `"${input}" needs a dot and a top-level domain, like example.com` }
  if (labels.some((l) => l === '')) return { ok: false, reason: `"${input}" has an empty label (two dots in a row)` }
  const bad = labels.find((l) => !LABEL.test(l))
  if (bad !== undefined) return { ok: false, reason: `"${input}" has an invalid label "${bad}"` }
  return registrable(input, ascii)
}

/** The Public Suffix List's verdict on a syntactically valid name. */
function registrable(input: string, ascii: string): DomainCheck {
  const icann = parse(ascii, { allowPrivateDomains: false })
  const suffix = icann.publicSuffix ?? ascii.split('.').pop() ?? ''
  if (!icann.isIcann && !RESERVED_FOR_TESTS.has(suffix)) {
    return { ok: false, reason: `"${input}" is not under a public top-level domain: .${suffix} is not on the ICANN list, so the name exists only inside a private network` }
  }
  if (!icann.domain) return { ok: false, reason: `"${input}" is a public suffix, not a registrable domain` }
  const shared = parse(ascii, { allowPrivateDomains: true })
  if (shared.isPrivate && shared.publicSuffix) {
    return shared.domain
      ? { ok: false, reason: `"${input}" is a site on ${shared.publicSuffix}, a provider's shared domain, not a domain of its own: give the domain the founder registered` }
      : { ok: false, reason: `"${input}" is a provider's shared suffix (anyone's site can live under it), not a registrable domain: give the domain the founder registered` }
  }
  if (icann.domain !== ascii) {
    const host = ascii.slice(0, -(icann.domain.length + 1))
    return {
      ok: false,
      reason: `"${input}" is a subdomain of ${icann.domain}: use ${icann.domain} as the domain and keep ${host} as a host`,
      suggestion: { domain: icann.domain, host },
    }
  }
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
  // a pasted address is judged by its host, never read as a label ("https" under the domain)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /[/?#\\@\s]/.test(raw)) return hostOfAddress(input, raw, domain)
  let ascii: string
  try {
    ascii = new URL(`http://${raw}/`).hostname
  } catch {
    return { ok: false, reason: `"${input}" is not a valid host name` }
  }
  const under = ascii === domain || ascii.endsWith(`.${domain}`)
  const fqdn = under ? ascii : `${ascii}.${domain}`
  const labels = fqdn.split('.')
  const bad = labels.find((l) => !LABEL.test(l))
  if (bad !== undefined) return { ok: false, reason: `"${input}" has an invalid label "${bad}"` }
  if (fqdn.length > 253) return { ok: false, reason: 'a host name is at most 253 characters' }
  return { ok: true, domain: fqdn }
}

/** A host given as a web address: its host must be the domain or under it, and nothing may follow. */
function hostOfAddress(input: string, raw: string, domain: string): DomainCheck {
  if (/\s/.test(raw)) return { ok: false, reason: `"${input}" contains spaces` }
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw)
  let url: URL
  try {
    url = new URL(scheme ? raw : `http://${raw}`)
  } catch {
    return { ok: false, reason: `"${input}" is not a valid host name` }
  }
  if (url.username || url.password || url.port) return { ok: false, reason: `"${input}" is a web address; give the host name alone, like www` }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { ok: false, reason: `"${input}" is a web address with a path; give the host name alone` }
  const host = url.hostname.replace(/\.$/, '')
  // with a scheme it is a full name: one outside the domain is someone else's host
  if (scheme && host !== domain && !host.endsWith(`.${domain}`)) return { ok: false, reason: `"${input}" is not under ${domain}; give a name under it, like www` }
  return normalizeHost(host, domain)
}
