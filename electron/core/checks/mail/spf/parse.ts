import net from 'node:net'
import { validateMacroString } from './macro'
import { SpfError, type Mechanism, type MechanismName, type Qualifier, type SpfRecord } from './types'

const MECHANISMS: MechanismName[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']
const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i
const CIDR = /^(?:0|[1-9]\d{0,2})$/
const V4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

/** Whether a TXT string is an SPF version 1 record ("v=spf1" then a space or the end). */
export function isSpfRecord(txt: string): boolean {
  return /^v=spf1(?: |$)/i.test(txt)
}

const perm = (m: string) => new SpfError('permerror', m)

/** domain-spec = macro-string domain-end: a valid macro string ending in a top label or a macro. */
export function validateDomainSpec(spec: string, term: string): void {
  if (!spec) throw perm(`"${term}" needs a domain`)
  validateMacroString(spec, false, term)
  if (/%\{[^}]*\}$/.test(spec)) return
  const labels = spec.replace(/\.$/, '').split('.')
  const top = labels[labels.length - 1]
  if (labels.length < 2 || !TOPLABEL.test(top)) throw perm(`"${term}": "${spec}" does not end in a valid domain name`)
}

function cidrOf(s: string | undefined, max: number, term: string): number | undefined {
  if (s === undefined) return undefined
  if (!CIDR.test(s) || Number(s) > max) throw perm(`"${term}" has an invalid prefix length /${s}`)
  return Number(s)
}

function parseMechanism(q: Qualifier, name: MechanismName, rest: string, text: string): Mechanism {
  const m: Mechanism = { kind: 'mechanism', qualifier: q, name, text }
  if (name === 'all') {
    if (rest) throw perm(`"${text}" takes no argument`)
    return m
  }
  if (name === 'include' || name === 'exists') {
    if (!rest.startsWith(':')) throw perm(`"${text}" needs ":domain"`)
    m.domainSpec = rest.slice(1)
    validateDomainSpec(m.domainSpec, text)
    return m
  }
  if (name === 'ip4' || name === 'ip6') {
    const r = /^:([^/]*)(?:\/([^/]*))?$/.exec(rest)
    if (!r) throw perm(`"${text}" needs ":address[/prefix]"`)
    const ok = name === 'ip4' ? V4.test(r[1]) : net.isIPv6(r[1])
    if (!ok) throw perm(`"${text}": "${r[1]}" is not an ${name === 'ip4' ? 'IPv4' : 'IPv6'} address`)
    m.ip = r[1]
    if (name === 'ip4') m.cidr4 = cidrOf(r[2], 32, text) ?? 32
    else m.cidr6 = cidrOf(r[2], 128, text) ?? 128
    return m
  }
  // a, mx, ptr: [":" domain-spec] and for a/mx a dual-cidr-length.
  const r = /^(?::(.*?))?(?:\/(\d*))?(?:\/\/(\d*))?$/.exec(rest)
  if (!r) throw perm(`"${text}" is malformed`)
  if (rest.startsWith(':')) {
    m.domainSpec = r[1] ?? ''
    validateDomainSpec(m.domainSpec, text)
  }
  if (name === 'ptr') {
    if (r[2] !== undefined || r[3] !== undefined) throw perm(`"${text}": ptr takes no prefix length`)
    return m
  }
  m.cidr4 = cidrOf(r[2], 32, text)
  m.cidr6 = cidrOf(r[3], 128, text)
  return m
}

/**
 * Parse an SPF record (RFC 7208 §4.6, §5, §6, appendix A). Any syntax error anywhere is a
 * permerror before evaluation starts.
 */
export function parseSpf(record: string): SpfRecord {
   
  if (/[^\x20-\x7e]/.test(record)) throw perm('the record contains characters outside printable ASCII')
  if (!isSpfRecord(record)) throw perm('the record does not start with v=spf1')
  const out: SpfRecord = { terms: [], unknown: [] }
  for (const text of record.split(' ').slice(1).filter(Boolean)) {
    const d = /^([+\-~?]?)([a-z][a-z0-9]*)([:/].*)?$/i.exec(text)
    const name = d?.[2].toLowerCase() as MechanismName | undefined
    if (d && name && MECHANISMS.includes(name)) {
      out.terms.push(parseMechanism((d[1] || '+') as Qualifier, name, d[3] ?? '', text))
      continue
    }
    const mod = /^([a-z][a-z0-9\-_.]*)=(.*)$/i.exec(text)
    if (!mod) throw perm(`unknown mechanism or bad term "${text}"`)
    const key = mod[1].toLowerCase()
    if (key === 'redirect' || key === 'exp') {
      if (out[key] !== undefined) throw perm(`"${key}=" appears more than once`)
      validateDomainSpec(mod[2], text)
      out[key] = mod[2]
    } else {
      validateMacroString(mod[2], false, text)
      out.unknown.push({ kind: 'modifier', name: key, value: mod[2], text })
    }
  }
  return out
}
