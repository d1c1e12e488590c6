import { SpfError } from './types'

/** What macros expand to (RFC 7208 §7.2). */
export interface MacroContext {
  sender: string
  localPart: string
  senderDomain: string
  domain: string
  /** %{i}: dotted quad or dot-separated nibbles. */
  ip: string
  /** %{c}: readable address. */
  clientIp: string
  v: 'in-addr' | 'ip6'
  helo: string
  receiver: string
  /** %{p}: resolved lazily (it needs DNS). */
  validatedName(): Promise<string>
  now(): number
}

const EXPAND = /%\{([a-z])(\d*)(r?)([.\-+,/_=]*)\}|%%|%_|%-|%/gi

/** Check macro-string syntax: %% %_ %- or %{letter digits r delimiters}; c, r, t only in exp text. */
export function validateMacroString(s: string, explain: boolean, term: string): void {
  for (const m of s.matchAll(EXPAND)) {
    if (m[0] === '%') throw new SpfError('permerror', `"${term}": a lone % is not a valid macro`)
    if (!m[1]) continue
    const letter = m[1].toLowerCase()
    if (!'slodiphv'.includes(letter) && !(explain && 'crt'.includes(letter))) throw new SpfError('permerror', `"${term}": unknown macro letter "${m[1]}"`)
    if (m[2] && (Number(m[2]) === 0 || !Number.isSafeInteger(Number(m[2])))) throw new SpfError('permerror', `"${term}": a macro must keep 1 or more parts (got ${m[2].slice(0, 12)})`)
  }
}

/** RFC 3986 escaping for uppercase macro letters: everything but unreserved characters. */
function urlEscape(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('')
}

async function letterValue(letter: string, c: MacroContext): Promise<string> {
  switch (letter) {
    case 's': return c.sender
    case 'l': return c.localPart
    case 'o': return c.senderDomain
    case 'd': return c.domain
    case 'i': return c.ip
    case 'p': return c.validatedName()
    case 'v': return c.v
    case 'h': return c.helo
    case 'c': return c.clientIp
    case 'r': return c.receiver
    case 't': return String(Math.floor(c.now() / 1000))
    default: throw new SpfError('permerror', `unknown macro letter "${letter}"`)
  }
}

/** Expand a macro string (a domain-spec, or with `explain` an explanation string). */
export async function expandMacros(s: string, c: MacroContext, explain = false): Promise<string> {
  validateMacroString(s, explain, s)
  let out = ''
  let last = 0
  for (const m of s.matchAll(EXPAND)) {
    out += s.slice(last, m.index)
    last = (m.index ?? 0) + m[0].length
    if (m[0] === '%%') out += '%'
    else if (m[0] === '%_') out += ' '
    else if (m[0] === '%-') out += '%20'
    else {
      const value = await letterValue(m[1].toLowerCase(), c)
      const delims = m[4] || '.'
      let parts = value.split(new RegExp(`[${delims.replace(/[-\\\]^/]/g, '\\$&')}]`))
      if (m[3]) parts = parts.reverse()
      if (m[2]) parts = parts.slice(-Number(m[2]))
      const joined = parts.join('.')
      out += m[1] !== m[1].toLowerCase() ? urlEscape(joined) : joined
    }
  }
  return out + s.slice(last)
}

/** A domain after expansion: over 253 characters, left-hand labels are dropped (RFC 7208 §7.3). */
export function truncateDomain(d: string): string {
  let s = d.replace(/\.$/, '')
  while (s.length > 253 && s.includes('.')) s = s.slice(s.indexOf('.') + 1)
  return s
}
