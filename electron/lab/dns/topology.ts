import type { DnsSpec, RecordSpec, ZoneSpec } from '../scenario/dns-schema'
import { dsFor, fakeDnskey } from './dnssec'
import type { DnsData, DnsFault, DnsRecord } from './types'

/** One server to run: a nameserver (by IP) or a parent-zone (TLD) server. */
export interface ServerPlan {
  ip: string
  names: string[]
  role: 'ns' | 'tld'
  data: DnsData
}

export interface DnsPlan {
  servers: ServerPlan[]
  /** The lab "recursive" view: every zone, the parents' DS, RA set. */
  resolver: DnsData
}

const lower = (s: string) => s.toLowerCase().replace(/\.$/, '')
const parentOf = (n: string) => (n.includes('.') ? n.slice(n.indexOf('.') + 1) : '')
const under = (name: string, zone: string) => zone === '' || name === zone || name.endsWith('.' + zone)

/** A scenario name made absolute: '@' is the zone, a trailing dot or the zone suffix means absolute. */
export function absName(name: string, zone: string): string {
  if (name === '@') return zone
  if (name.endsWith('.')) return lower(name)
  const n = lower(name)
  return under(n, zone) ? n : `${n}.${zone}`
}

const toRecord = (r: RecordSpec, zone: string): DnsRecord => ({ name: absName(r.name, zone), type: r.type, ttl: r.ttl, data: r.data })
const key = (r: DnsRecord) => `${lower(r.name)}|${r.type.toUpperCase()}`
const faultsIn = (f: DnsSpec['faults'], zone: string): DnsFault[] => f.map((x) => ({ ...x, name: absName(x.name, zone) }))

/** Records of `over` replace the base's with the same name and type. */
function overlay(base: DnsRecord[], over: DnsRecord[]): DnsRecord[] {
  const keys = new Set(over.map(key))
  return [...base.filter((r) => !keys.has(key(r))), ...over]
}

/** A zone's own records, completed: SOA, apex NS, in-zone NS addresses, DNSKEY when signed. */
function zoneRecords(zone: string, z: ZoneSpec): DnsRecord[] {
  const recs = z.records.filter((r) => !r.delete).map((r) => toRecord(r, zone))
  const has = (name: string, type: string) => recs.some((r) => lower(r.name) === name && r.type === type)
  const ns = z.nameservers.map((n) => ({ name: lower(n.name), ip: n.ip }))
  if (!has(zone, 'SOA')) {
    recs.push({ name: zone, type: 'SOA', data: { mname: ns[0].name, rname: z.soa.rname ?? `hostmaster.${zone}`, serial: z.soa.serial ?? 2026010101, refresh: 7200, retry: 3600, expire: 1209600, minimum: z.soa.minimum ?? 300 } })
  }
  if (!has(zone, 'NS')) for (const n of ns) recs.push({ name: zone, type: 'NS', data: n.name })
  for (const n of ns) if (under(n.name, zone) && !has(n.name, 'A')) recs.push({ name: n.name, type: 'A', data: n.ip })
  if (z.dnssec !== 'unsigned' && !has(zone, 'DNSKEY')) recs.push({ name: zone, type: 'DNSKEY', data: fakeDnskey(zone) })
  return recs
}

/** What the parent says about a child zone: NS, glue, DS (right, wrong or none). */
function delegation(zone: string, z: ZoneSpec, parent: string, nsIp: Map<string, string>): DnsRecord[] {
  const names = (z.parent.ns ?? z.nameservers.map((n) => n.name)).map(lower)
  const out: DnsRecord[] = names.map((n) => ({ name: zone, type: 'NS', data: n }))
  if (z.parent.glue) for (const n of names) if (under(n, zone) && nsIp.has(n)) out.push({ name: n, type: 'A', data: nsIp.get(n) })
  if (z.dnssec === 'signed' || z.dnssec === 'broken') {
    const ds = dsFor(zone, fakeDnskey(zone))
    if (z.dnssec === 'broken') ds.digest = Buffer.from(ds.digest.map((b, i) => (i === 0 ? b ^ 0xff : b)))
    out.push({ name: zone, type: 'DS', data: ds })
  }
  return out
}

/** Turn the scenario's DNS section into servers to run and the resolver's view. */
export function planDns(dns: DnsSpec, latencyMs = 0): DnsPlan {
  const zones = Object.entries(dns.zones).map(([name, z]) => ({ name: lower(name), z }))
  const zoneNames = zones.map((x) => x.name)
  const nsIp = new Map<string, string>()
  for (const { z } of zones) for (const n of z.nameservers) nsIp.set(lower(n.name), n.ip)
  const own = new Map(zones.map(({ name, z }) => [name, zoneRecords(name, z)]))

  // Parents outside the scenario are served by the TLD servers ("synthetic" parent zones).
  const synthetic = new Map<string, DnsRecord[]>()
  const addTo = (zone: string, recs: DnsRecord[]) => {
    if (own.has(zone)) own.get(zone)!.push(...recs)
    else synthetic.set(zone, [...(synthetic.get(zone) ?? []), ...recs])
  }
  for (const { name, z } of zones) addTo(parentOf(name), delegation(name, z, parentOf(name), nsIp))
  for (const [n, ip] of nsIp) {
    if (zoneNames.some((zn) => under(n, zn))) continue
    const tld = n.slice(n.lastIndexOf('.') + 1)
    const parent = [...synthetic.keys()].find((p) => under(n, p)) ?? tld
    addTo(parent, [{ name: n, type: 'A', data: ip }])
  }
  const parents = [...synthetic.keys()].filter((p) => p !== '')
  const tldNs = (dns.tld?.nameservers ?? [{ name: `a.lab-nic.${parents[0] ?? 'example'}`, ip: '127.0.54.1' }]).map((n) => ({ name: lower(n.name), ip: n.ip }))
  for (const p of parents) {
    const recs = synthetic.get(p)!
    recs.push({ name: p, type: 'SOA', data: { mname: tldNs[0].name, rname: `hostmaster.${p}`, serial: 1, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 } })
    for (const t of tldNs) recs.push({ name: p, type: 'NS', data: t.name })
    for (const t of tldNs) if (under(t.name, p)) recs.push({ name: t.name, type: 'A', data: t.ip })
  }

  const servers = new Map<string, ServerPlan>()
  const serverFor = (ip: string, role: ServerPlan['role']) => {
    let s = servers.get(ip)
    if (!s) servers.set(ip, (s = { ip, names: [], role, data: { zones: [], records: [], faults: faultsIn(dns.faults, ''), latencyMs: (dns.latencyMs ?? 0) + latencyMs } }))
    return s
  }
  const canonical = new Map<string, DnsRecord[]>()
  for (const { name, z } of zones) {
    for (const n of z.nameservers) {
      const s = serverFor(n.ip, 'ns')
      const nsName = lower(n.name)
      if (!s.names.includes(nsName)) s.names.push(nsName)
      s.data.faults!.push(...faultsIn(z.faults, name), ...faultsIn(n.faults, name))
      if (n.lame) continue
      const recs = overlay(own.get(name)!, n.records.filter((r) => !r.delete).map((r) => toRecord(r, name)))
      const gone = new Set(n.records.filter((r) => r.delete).map((r) => key(toRecord(r, name))))
      const served = recs.filter((r) => !gone.has(key(r)))
      s.data.zones.push(name)
      s.data.records.push(...served)
      if (!canonical.has(name)) canonical.set(name, served)
    }
  }
  for (const t of tldNs) {
    const s = serverFor(t.ip, 'tld')
    s.names.push(t.name)
    for (const p of parents) {
      s.data.zones.push(p)
      s.data.records.push(...synthetic.get(p)!)
    }
  }

  // The resolver: each record from the zone that owns it (longest match); DS at a cut from the parent.
  const all = [...zoneNames, ...parents]
  const owner = (n: string) => all.filter((z) => under(n, z)).sort((a, b) => b.length - a.length)[0]
  const records: DnsRecord[] = []
  const views: [string, DnsRecord[]][] = [...zoneNames.map((z): [string, DnsRecord[]] => [z, canonical.get(z) ?? own.get(z)!]), ...parents.map((p): [string, DnsRecord[]] => [p, synthetic.get(p)!])]
  for (const [zone, recs] of views) {
    for (const r of recs) {
      const o = owner(lower(r.name))
      if (o === zone || (r.type === 'DS' && o === lower(r.name))) records.push(r)
    }
  }
  // The root zone, as a real resolver knows it: the lab's TLD servers stand in for the root
  // servers, so "does the root exist, does a root server's name resolve" get true answers.
  records.push({ name: '.', type: 'SOA', data: { mname: tldNs[0].name, rname: 'hostmaster.lab-nic.example', serial: 1, refresh: 1800, retry: 900, expire: 604800, minimum: 86400 } })
  for (const t of tldNs) records.push({ name: '.', type: 'NS', data: t.name })
  const faults = [...faultsIn(dns.resolver?.faults ?? [], ''), ...faultsIn(dns.faults, ''), ...zones.flatMap(({ name, z }) => faultsIn(z.faults, name))]
  return { servers: [...servers.values()], resolver: { zones: [...all, ''], records, faults, latencyMs: (dns.latencyMs ?? 0) + latencyMs } }
}
