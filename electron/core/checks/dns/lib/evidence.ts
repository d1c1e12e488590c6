import type { Resolver, ResponseSink } from '../../../net/dns/resolver'
import type { DnsResponse } from '../../../net/dns/types'
import type { EvidenceItem } from '../../types'

/** Label for one DNS exchange as the evidence viewer lists it. */
export function dnsLabel(r: DnsResponse): string {
  const n = r.answers.length
  return `${r.serverName ? r.serverName + ' ' : ''}${r.server} ${r.question.name} ${r.question.type}: ${r.rcode}${n ? `, ${n} record${n === 1 ? '' : 's'}` : ''}${r.flags.aa ? ' (authoritative)' : ''}`
}

/**
 * A recording view of the run's resolver: every answer a check saw (server, question, rcode,
 * flags, records with TTL, timing) becomes an evidence item, once per distinct exchange.
 */
export function recordDns(dns: Resolver): { dns: Resolver; evidence(): EvidenceItem[] } {
  const seen = new Map<string, EvidenceItem>()
  const sink: ResponseSink = (r) => {
    const key = `${r.server}|${r.question.name}|${r.question.type}|${r.flags.rd}`
    if (!seen.has(key)) seen.set(key, { kind: 'dns.answer', label: dnsLabel(r), data: r })
  }
  sink.failed = (f) => {
    const key = `!${f.server ?? ''}|${f.question.name}|${f.question.type}`
    if (!seen.has(key)) seen.set(key, { kind: 'dns.error', label: `${f.question.name} ${f.question.type}: ${f.kind}`, data: f })
  }
  return { dns: dns.recording(sink), evidence: () => [...seen.values()] }
}

/** TXT data (string or list of character-strings) as one string. */
export function txtOf(data: unknown): string {
  return Array.isArray(data) ? data.map(String).join('') : String(data)
}

/** Lowercase, no trailing dot. */
export function normName(s: unknown): string {
  return String(s).toLowerCase().replace(/\.$/, '')
}
