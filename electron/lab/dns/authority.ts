import { keyOf, normalizeRecords, type ServedRecord } from './records'
import type { DnsRecord } from './types'

/** What the server puts in a reply (before encoding). */
export interface Reply {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'REFUSED' | 'SERVFAIL' | 'FORMERR'
  aa: boolean
  answers: ServedRecord[]
  authorities: ServedRecord[]
  additionals: ServedRecord[]
}

const parentKey = (k: string): string => {
  const i = k.indexOf('.')
  return i < 0 ? '' : k.slice(i + 1)
}

/**
 * Served zone data with authoritative semantics: zone cut by longest match, referrals for
 * delegated children, CNAME chasing, wildcards at the closest encloser, NXDOMAIN vs NODATA.
 */
export class ZoneData {
  private readonly byName = new Map<string, ServedRecord[]>()
  /** Every name that exists: owners and their ancestors (empty non-terminals). */
  private readonly existing = new Set<string>()
  readonly zones: string[]

  constructor(zones: string[], records: DnsRecord[], private readonly recursive = false) {
    this.zones = zones.map(keyOf).sort((a, b) => b.length - a.length)
    for (const r of normalizeRecords(records)) {
      const list = this.byName.get(r.key) ?? []
      list.push(r)
      this.byName.set(r.key, list)
      for (let k = r.key; k; k = parentKey(k)) this.existing.add(k)
    }
  }

  /** The served zone holding a name (longest match), or undefined. */
  zoneOf(key: string): string | undefined {
    return this.zones.find((z) => z === '' || key === z || key.endsWith('.' + z))
  }

  /** Answer one question. */
  answer(qname: string, qtype: string): Reply {
    const reply: Reply = { rcode: 'NOERROR', aa: !this.recursive, answers: [], authorities: [], additionals: [] }
    const type = qtype.toUpperCase()
    let name = qname.replace(/\.$/, '')
    const seen = new Set<string>()
    for (let hop = 0; hop < 8; hop++) {
      const key = keyOf(name)
      const zone = this.zoneOf(key)
      if (zone === undefined) {
        // After a CNAME, the rest is someone else's business (a resolver chases it).
        if (hop === 0) reply.rcode = this.recursive ? 'NXDOMAIN' : 'REFUSED'
        else if (this.recursive) reply.rcode = 'NXDOMAIN'
        if (hop === 0 && !this.recursive) reply.aa = false
        return reply
      }
      const cut = this.delegation(key, zone, type)
      if (cut) {
        if (hop > 0) return reply
        reply.aa = false
        reply.authorities.push(...cut)
        reply.additionals.push(...this.glue(cut))
        return reply
      }
      const own = this.recordsAt(key, name)
      if (own === undefined) {
        reply.rcode = 'NXDOMAIN'
        reply.authorities.push(...this.soa(zone))
        return reply
      }
      const match = own.filter((r) => type === 'ANY' || r.type === type)
      if (match.length) {
        reply.answers.push(...match)
        if (type === 'MX' || type === 'NS') reply.additionals.push(...this.glue(match))
        return reply
      }
      const cname = own.find((r) => r.type === 'CNAME')
      if (cname && type !== 'CNAME' && !seen.has(key)) {
        seen.add(key)
        reply.answers.push(cname)
        name = String(cname.data)
        continue
      }
      reply.authorities.push(...this.soa(zone))
      return reply
    }
    return reply
  }

  /** Records at a name, with a wildcard synthesised under the asked name; undefined: no such name. */
  private recordsAt(key: string, asked: string): ServedRecord[] | undefined {
    const own = this.byName.get(key)
    if (own) return own.map((r) => ({ ...r, name: asked }))
    if (this.existing.has(key)) return []
    // Closest encloser: the nearest existing ancestor; only its wildcard applies (RFC 4592).
    let enc = parentKey(key)
    while (enc && !this.existing.has(enc)) enc = parentKey(enc)
    const wild = this.byName.get(enc ? `*.${enc}` : '*')
    return wild ? wild.map((r) => ({ ...r, name: asked })) : undefined
  }

  /** NS records of a delegated child between the zone apex and the name (DS at the cut stays here). */
  private delegation(key: string, zone: string, type: string): ServedRecord[] | undefined {
    const labels = key.slice(0, key.length - zone.length).split('.').filter(Boolean)
    for (let i = labels.length - 1; i >= 0; i--) {
      const cut = [...labels.slice(i), zone].join('.')
      if (cut === key && type === 'DS') return undefined
      const ns = (this.byName.get(cut) ?? []).filter((r) => r.type === 'NS')
      if (ns.length) return ns
    }
    return undefined
  }

  private glue(records: ServedRecord[]): ServedRecord[] {
    const targets = records.map((r) => keyOf(r.type === 'MX' ? (r.data as { exchange: string }).exchange : String(r.data)))
    return targets.flatMap((t) => (this.byName.get(t) ?? []).filter((r) => r.type === 'A' || r.type === 'AAAA'))
  }

  private soa(zone: string): ServedRecord[] {
    return (this.byName.get(zone) ?? []).filter((r) => r.type === 'SOA')
  }
}
