import { ProviderError } from '../errors'

/** What reg.domain needs from an RDAP domain object (RFC 9083 §5.3). */
export interface RdapDomain {
  ldhName: string
  handle?: string
  registrar?: { name?: string; ianaId?: string }
  /** The registrant's organisation (or name) where the registry publishes it (often redacted). */
  registrant?: string
  registeredAt?: string
  expiresAt?: string
  lastChangedAt?: string
  /** Status values in RFC 8056 words, lowercase ("client transfer prohibited"). */
  status: string[]
  transferLocked: boolean
  nameservers: string[]
  secureDns?: { delegationSigned: boolean; dsRecords: number }
}

type Obj = Record<string, unknown>

function invalid(message: string): ProviderError {
  return new ProviderError('rdap', 'invalid_response', `RDAP answer is invalid: ${message}`)
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** "clientTransferProhibited" (EPP) or "client transfer prohibited" (RDAP) → the RDAP words. */
export function normalizeStatus(s: string): string {
  return s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Parse RDAP response text; invalid JSON and non-domain answers give a clear ProviderError. */
export function parseRdapDomainText(text: string): RdapDomain {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw invalid('not JSON')
  }
  return parseRdapDomain(json)
}

/** Parse an RDAP domain object, rejecting error objects, other object classes and bad shapes. */
export function parseRdapDomain(json: unknown): RdapDomain {
  if (!isObj(json)) throw invalid('not a JSON object')
  if (typeof json.errorCode === 'number') throw invalid(`the server returned error ${json.errorCode}${typeof json.title === 'string' ? ` (${json.title})` : ''}`)
  if (json.objectClassName !== 'domain') {
    const cls = typeof json.objectClassName === 'string' ? `a "${json.objectClassName}" object` : 'no objectClassName'
    throw invalid(`expected a domain object, got ${cls}`)
  }
  if (typeof json.ldhName !== 'string' || !json.ldhName) throw invalid('the domain has no ldhName')
  const status = stringArray(json.status, 'status').map(normalizeStatus)
  const events = parseEvents(json.events)
  const registrar = findRegistrar(json.entities)
  return {
    ldhName: json.ldhName.toLowerCase().replace(/\.$/, ''),
    handle: typeof json.handle === 'string' ? json.handle : undefined,
    registrar,
    registrant: findRegistrant(json.entities),
    registeredAt: events.get('registration'),
    expiresAt: events.get('expiration'),
    lastChangedAt: events.get('last changed'),
    status,
    transferLocked: status.includes('client transfer prohibited') || status.includes('server transfer prohibited'),
    nameservers: parseNameservers(json.nameservers),
    secureDns: parseSecureDns(json.secureDNS),
  }
}

function stringArray(v: unknown, field: string): string[] {
  if (v === undefined) return []
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw invalid(`"${field}" is not a list of strings`)
  return v as string[]
}

function parseEvents(v: unknown): Map<string, string> {
  const out = new Map<string, string>()
  if (v === undefined) return out
  if (!Array.isArray(v)) throw invalid('"events" is not a list')
  for (const e of v) {
    if (!isObj(e) || typeof e.eventAction !== 'string') throw invalid('an event has no eventAction')
    if (typeof e.eventDate !== 'string' || Number.isNaN(Date.parse(e.eventDate))) throw invalid(`event "${e.eventAction}" has no valid eventDate`)
    if (!out.has(e.eventAction)) out.set(e.eventAction, new Date(e.eventDate).toISOString())
  }
  return out
}

function findRegistrar(v: unknown): RdapDomain['registrar'] {
  if (v === undefined) return undefined
  if (!Array.isArray(v)) throw invalid('"entities" is not a list')
  for (const e of v) {
    if (!isObj(e)) throw invalid('an entity is not an object')
    if (!Array.isArray(e.roles) || !e.roles.includes('registrar')) continue
    const ids = Array.isArray(e.publicIds) ? e.publicIds.filter(isObj) : []
    const iana = ids.find((p) => p.type === 'IANA Registrar ID')
    return { name: vcardName(e.vcardArray), ianaId: typeof iana?.identifier === 'string' ? iana.identifier : undefined }
  }
  return undefined
}

/** The registrant entity's organisation, else its name; redacted placeholders count as none. */
function findRegistrant(v: unknown): string | undefined {
  if (!Array.isArray(v)) return undefined
  const e = v.find((x) => isObj(x) && Array.isArray(x.roles) && x.roles.includes('registrant'))
  if (!isObj(e)) return undefined
  const found = vcardName(e.vcardArray, 'org') ?? vcardName(e.vcardArray)
  return found && !/redacted|privacy|withheld|not disclosed/i.test(found) ? found.slice(0, 200) : undefined
}

/** A text property of a jCard (RFC 7095), "fn" by default: ["vcard", [["fn", {}, "text", "Name"], ...]]. */
function vcardName(v: unknown, prop = 'fn'): string | undefined {
  if (!Array.isArray(v) || v[0] !== 'vcard' || !Array.isArray(v[1])) return undefined
  const fn = (v[1] as unknown[]).find((p) => Array.isArray(p) && p[0] === prop) as unknown[] | undefined
  const value = Array.isArray(fn?.[3]) ? (fn[3] as unknown[]).find((x) => typeof x === 'string' && x) : fn?.[3]
  return typeof value === 'string' && value ? value : undefined
}

function parseNameservers(v: unknown): string[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) throw invalid('"nameservers" is not a list')
  return v.map((n) => {
    if (!isObj(n) || typeof n.ldhName !== 'string') throw invalid('a nameserver has no ldhName')
    return n.ldhName.toLowerCase().replace(/\.$/, '')
  })
}

function parseSecureDns(v: unknown): RdapDomain['secureDns'] {
  if (v === undefined) return undefined
  if (!isObj(v)) throw invalid('"secureDNS" is not an object')
  const ds = Array.isArray(v.dsData) ? v.dsData.length : 0
  return { delegationSigned: v.delegationSigned === true, dsRecords: ds }
}
