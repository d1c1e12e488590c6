import { z } from 'zod'
import { MAX_PRIVATE_TARGETS, normalizePrivateTarget } from './private-targets'

/**
 * Per-engagement check settings: facts only the consultant knows. DKIM selectors are DNS
 * labels tried at `<selector>._domainkey.<domain>` (mail.dkim); key routes are paths sampled on
 * the canonical host (http.routes). Routes are paths, not URLs: the check measures them where
 * visitors land, and a path stays right when the domain or the canonical host changes.
 */
export const MAX_DKIM_SELECTORS = 20
export const MAX_ROUTES = 20

export type Normalized = { ok: true; value: string } | { ok: false; reason: string }

// RFC 6376 §3.1: selectors are dot-separated labels of letters, digits and hyphens; underscores
// are accepted too because some providers' selectors carry them.
const SELECTOR_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/

/**
 * Normalise a DKIM selector as a person types or pastes it: "S1", "s1._domainkey" and
 * "s1._domainkey.acme.example." all become "s1".
 */
export function normalizeSelector(input: string): Normalized {
  const typed = String(input ?? '').trim()
  let s = typed.toLowerCase().replace(/\.$/, '')
  const at = s.search(/\._domainkey(\.|$)/)
  if (at >= 0) s = s.slice(0, at)
  if (!s) return { ok: false, reason: 'a DKIM selector cannot be empty' }
  if (s.length > 100) return { ok: false, reason: 'a DKIM selector is at most 100 characters' }
  if (!s.split('.').every((l) => SELECTOR_LABEL.test(l))) {
    return { ok: false, reason: `the selector "${typed}" is not a DNS name: use letters, digits, hyphens, underscores and dots` }
  }
  return { ok: true, value: s }
}

/**
 * Normalise a key route: an absolute path with an optional query ("/pricing", "/api/health",
 * "/search?q=x"). Dot segments are resolved and non-ASCII is percent-encoded, as a browser
 * would send it. URLs, fragments, spaces and backslashes are refused with a reason.
 */
export function normalizeRoute(input: string): Normalized {
  const s = String(input ?? '').trim()
  if (!s) return { ok: false, reason: 'a route cannot be empty' }
  if (/^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('//')) {
    return { ok: false, reason: `the route "${s}" is a URL: give the path alone, like /pricing (it is checked on the canonical host)` }
  }
  if (!s.startsWith('/')) return { ok: false, reason: `the route "${s}" is not a path: start it with "/", like /pricing` }
  if (/[\s\p{Cc}]/u.test(s)) return { ok: false, reason: `the route "${s}" contains spaces or control characters` }
  if (s.includes('#')) return { ok: false, reason: `the route "${s}" has a #fragment, which never reaches the server: leave it out` }
  if (s.includes('\\')) return { ok: false, reason: `the route "${s}" contains a backslash` }
  if (s.length > 500) return { ok: false, reason: 'a route is at most 500 characters' }
  const u = new URL(s, 'https://route.invalid')
  return { ok: true, value: `${u.pathname}${u.search}` }
}

export const MAX_REPOS = 10

/**
 * Normalise a client repository: an absolute local path ("/home/me/client-app") or a clone URL
 * over HTTPS or HTTP ("https://github.com/acme/app.git"), which the audit clones with the system
 * git. Credentials never belong in the URL (they go in the vault as a GitHub credential); ssh
 * URLs, other schemes and relative paths are refused with a reason.
 */
export function normalizeRepo(input: string): Normalized {
  const s = String(input ?? '').trim()
  if (!s) return { ok: false, reason: 'a repository cannot be empty' }
  if (s.length > 1000) return { ok: false, reason: 'a repository is at most 1,000 characters' }
  if (/[\p{Cc}]/u.test(s)) return { ok: false, reason: `the repository "${s.replace(/\p{Cc}/gu, '?')}" contains control characters` }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    let u: URL
    try {
      u = new URL(s)
    } catch {
      return { ok: false, reason: `the repository "${s}" is not a valid URL` }
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: `the repository "${s}" is not an https:// clone URL (ssh and other schemes are not supported; give a local path instead)` }
    if (u.username || u.password) return { ok: false, reason: 'the clone URL carries credentials: remove them and store a GitHub token in the vault instead' }
    return { ok: true, value: u.toString() }
  }
  if (!s.startsWith('/') && !/^[a-z]:[\\/]/i.test(s)) return { ok: false, reason: `the repository "${s}" is neither an absolute path nor an https:// clone URL` }
  return { ok: true, value: s.replace(/[\\/]+$/, '') || '/' }
}

/** Split what a person typed into a list: commas, spaces and new lines separate entries. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean)
}

/** A list schema: each entry normalised (an issue per bad entry, at its index), duplicates dropped, at most `max`. */
function listSchema(normalize: (s: string) => Normalized, max: number, what: string) {
  return z
    .array(z.string().max(1000))
    .max(200)
    .transform((items, ctx) => {
      const out: string[] = []
      items.forEach((item, i) => {
        const r = normalize(item)
        if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason, path: [i] })
        else if (!out.includes(r.value)) out.push(r.value)
      })
      if (out.length > max) ctx.addIssue({ code: 'custom', message: `at most ${max} ${what}` })
      return out
    })
}

export const dkimSelectorsSchema = listSchema(normalizeSelector, MAX_DKIM_SELECTORS, 'DKIM selectors')
export const routesSchema = listSchema(normalizeRoute, MAX_ROUTES, 'key routes')
export const privateTargetsSchema = listSchema(normalizePrivateTarget, MAX_PRIVATE_TARGETS, 'private targets')
export const reposSchema = listSchema(normalizeRepo, MAX_REPOS, 'repositories')

/**
 * A stored list read back (a workspace column, an imported file): JSON text or an array; only
 * valid entries are kept, normalised, deduplicated and capped. Never throws.
 */
export function storedList(raw: unknown, normalize: (s: string) => Normalized, max: number): string[] {
  let v = raw
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v)
    } catch {
      return []
    }
  }
  if (!Array.isArray(v)) return []
  const out: string[] = []
  for (const item of v) {
    const r = typeof item === 'string' ? normalize(item) : null
    if (r?.ok && !out.includes(r.value)) out.push(r.value)
  }
  return out.slice(0, max)
}
