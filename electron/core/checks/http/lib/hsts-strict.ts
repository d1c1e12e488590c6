/** Chromium caps max-age at one year (kMaxHSTSAgeSecs). */
export const HSTS_MAX_AGE_CAP = 31_536_000

/** A Strict-Transport-Security header as a browser applies it (RFC 6797 §6.1). */
export interface StrictHsts {
  valid: boolean
  /** Why the header is rejected (a browser then ignores it entirely). */
  reason?: string
  /** Literal max-age (may exceed the cap; Infinity when absurdly long). */
  maxAge?: number
  /** max-age after the one-year clamp, as Chromium stores it. */
  maxAgeClamped?: number
  includeSubDomains?: boolean
  preload?: boolean
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/
const isOws = (c: string | undefined) => c === ' ' || c === '\t'

interface Directive {
  name: string
  value?: string
}

/** Split into directives with RFC 7230 tokens and quoted-strings; null when the syntax is broken. */
function tokenize(s: string): Directive[] | null {
  const out: Directive[] = []
  let i = 0
  const skip = () => {
    while (isOws(s[i])) i++
  }
  const token = () => {
    const start = i
    while (i < s.length && TCHAR.test(s[i])) i++
    return s.slice(start, i)
  }
  while (i < s.length) {
    skip()
    if (i >= s.length) break
    if (s[i] === ';') {
      i++
      continue
    }
    const name = token()
    if (!name) return null
    skip()
    const d: Directive = { name }
    if (s[i] === '=') {
      i++
      skip()
      if (s[i] === '"') {
        let v = ''
        i++
        for (;;) {
          if (i >= s.length) return null
          if (s[i] === '\\' && i + 1 < s.length) v += s[++i]
          else if (s[i] === '"') break
          else v += s[i]
          i++
        }
        i++
        d.value = v
      } else {
        d.value = token()
        if (!d.value) return null
      }
      skip()
    }
    if (i < s.length && s[i] !== ';') return null
    out.push(d)
  }
  return out
}

/**
 * Parse an HSTS header the way Chromium does (net/http/http_security_headers.cc): strict
 * RFC 6797 grammar, case-insensitive names, duplicates rejected, max-age digits only (quoted
 * allowed), valueless includeSubDomains, unknown directives ignored, max-age clamped to a year.
 */
export function parseHstsStrict(header: string): StrictHsts {
  const dirs = tokenize(header)
  if (!dirs) return { valid: false, reason: 'the header does not follow the RFC 6797 syntax' }
  const seen = new Set<string>()
  const r: StrictHsts = { valid: true, includeSubDomains: false, preload: false }
  for (const d of dirs) {
    const n = d.name.toLowerCase()
    if (seen.has(n)) return { valid: false, reason: `the directive "${d.name}" appears twice` }
    seen.add(n)
    if (n === 'max-age') {
      if (d.value === undefined || !/^\d+$/.test(d.value)) return { valid: false, reason: 'max-age must be a number of seconds' }
      const v = d.value.replace(/^0+(?=\d)/, '')
      r.maxAge = v.length > 15 ? Infinity : Number(v)
      r.maxAgeClamped = Math.min(r.maxAge, HSTS_MAX_AGE_CAP)
    } else if (n === 'includesubdomains') {
      if (d.value !== undefined) return { valid: false, reason: 'includeSubDomains takes no value' }
      r.includeSubDomains = true
    } else if (n === 'preload') {
      // preload is not in RFC 6797; Chromium ignores it like any unknown directive.
      r.preload = d.value === undefined
    }
  }
  if (r.maxAge === undefined) return { valid: false, reason: 'max-age is missing' }
  return r
}
