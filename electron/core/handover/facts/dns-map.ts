import type { Engagement } from '@shared/schemas/engagement'
import type { ResultRow } from '../results'
import { objects, str, strings } from './read'

/** One record in the DNS map; `proxied` where Cloudflare says (true: orange cloud). */
export interface MapRecord {
  type: string
  value: string
  ttl: number | null
  proxied: boolean | null
}

/** One name in the DNS map: a declared host, a mail record name, or a name only the Cloudflare zone has. */
export interface DnsName {
  name: string
  role: string
  records: MapRecord[]
  status: string
  summary: string
}

const lower = (s: string) => s.toLowerCase().replace(/\.$/, '')
const ORDER = ['NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'CAA']

/**
 * The DNS map from stored results: every record at the apex and each declared host (dns.hosts
 * asks one authoritative server for NS, A, AAAA, CNAME, MX, TXT and CAA), with Cloudflare's proxy
 * flag on web records (cf.proxy); the DMARC record; and names that only the Cloudflare zone holds.
 */
export function dnsMap(e: Engagement, latest: readonly ResultRow[]): DnsName[] {
  const proxy = objects(latest.find((r) => r.checkId === 'cf.proxy')?.details.records)
  const proxied = (name: string, type: string, value: string): boolean | null => {
    const hit = proxy.find((p) => lower(str(p.name)) === name && str(p.type) === type && lower(str(p.content)) === lower(value))
    return hit && typeof hit.proxied === 'boolean' ? hit.proxied : null
  }
  const hosts = [...e.hosts].sort((a, b) => Number(b.role === 'apex') - Number(a.role === 'apex'))
  const out: DnsName[] = hosts.map((h) => {
    const r = latest.find((x) => x.checkId === 'dns.hosts' && x.target === h.name)
    const records = objects(r?.details.records).map((x) => {
      const type = str(x.type)
      const value = str(x.value)
      return { type, value, ttl: typeof x.ttl === 'number' ? x.ttl : null, proxied: proxied(h.name, type, value) }
    })
    if (!records.length && r) for (const a of strings(r.details.addresses)) records.push({ type: a.includes(':') ? 'AAAA' : 'A', value: a, ttl: null, proxied: proxied(h.name, a.includes(':') ? 'AAAA' : 'A', a) })
    records.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type))
    return { name: h.name, role: h.role, records, status: r?.status ?? '', summary: r?.summary ?? 'not checked' }
  })
  const dmarc = latest.find((r) => r.checkId === 'mail.dmarc')
  const text = str(dmarc?.details.text)
  if (dmarc && text) out.push({ name: `_dmarc.${str(dmarc.details.recordDomain) || e.domain}`, role: 'mail policy', records: [{ type: 'TXT', value: text, ttl: null, proxied: null }], status: dmarc.status, summary: dmarc.summary })
  const declared = new Set(out.map((n) => n.name))
  const extra = new Map<string, MapRecord[]>()
  for (const p of proxy) {
    const name = lower(str(p.name))
    if (!name || declared.has(name)) continue
    extra.set(name, [...(extra.get(name) ?? []), { type: str(p.type), value: str(p.content), ttl: null, proxied: typeof p.proxied === 'boolean' ? p.proxied : null }])
  }
  for (const [name, records] of extra) out.push({ name, role: 'zone only', records, status: '', summary: 'In the Cloudflare zone but not a declared host.' })
  return out
}
