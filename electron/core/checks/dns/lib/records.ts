import { askEach, zoneNameServers } from '../../../net/dns/auth'
import type { Resolver } from '../../../net/dns/resolver'
import type { DnsRecord } from '../../../net/dns/types'
import { normName, txtOf } from './evidence'

/** One record as the DNS map prints it: type, value in zone-file words, TTL. */
export interface RecordLine {
  type: string
  value: string
  ttl: number
}

/** Types asked for every declared host; the zone apex adds its NS set. */
const HOST_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'CAA'] as const
const MAX_PER_HOST = 40

/** A record's data in zone-file words ("10 mx1.example", "0 issue \"ca.example\""), cut to 300 characters. */
export function recordValue(type: string, data: unknown): string {
  const d = (data ?? {}) as Record<string, unknown>
  let v: string
  if (type === 'MX') v = `${d.preference ?? ''} ${normName(d.exchange ?? '')}`
  else if (type === 'TXT') v = txtOf(data)
  else if (type === 'CAA') v = `${d.flags ?? 0} ${String(d.tag ?? '')} "${String(d.value ?? '')}"`
  else if (typeof data === 'string') v = type === 'CNAME' || type === 'NS' ? normName(data) : data
  else v = JSON.stringify(data)
  return v.length > 300 ? `${v.slice(0, 300)}…` : v
}

/**
 * Every record of the usual types at one name, as one authoritative server of its zone holds
 * them (the first that answers): what the handover's DNS map prints. Best effort: a server
 * that does not answer leaves the list shorter, never fails the check.
 */
export async function recordSet(dns: Resolver, name: string, zone: string, signal?: AbortSignal): Promise<RecordLine[]> {
  const servers = (await zoneNameServers(dns, zone, { signal }).catch(() => [])).filter((s) => s.addresses.length)
  if (!servers.length) return []
  const types = name === zone ? ['NS', ...HOST_TYPES] : [...HOST_TYPES]
  const answers = await Promise.all(types.map((t) => askEach(dns, servers.slice(0, 1), name, t, { signal }).catch(() => [])))
  const out: RecordLine[] = []
  answers.forEach((list, i) => {
    const recs: DnsRecord[] = list[0]?.response?.answers ?? []
    for (const r of recs) if (r.type === types[i] && normName(r.name) === name) out.push({ type: r.type, value: recordValue(r.type, r.data), ttl: r.ttl })
  })
  return out.slice(0, MAX_PER_HOST)
}
