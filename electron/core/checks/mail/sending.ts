import type { Resolver } from '../../net/dns/resolver'
import { normName, txtOf } from '../dns/lib/evidence'
import { isSpfRecord } from './spf/parse'

/** What the domain's own records say about its mail. */
export interface MailPosture {
  /** The SPF record authorises no server at all (`v=spf1 -all`). */
  sendsNone: boolean
  /** A null MX (RFC 7505: one MX with exchange "."): the domain accepts no mail. */
  nullMx: boolean
  /** The SPF record text ('' without one). */
  spf: string
}

/** `v=spf1 -all` and nothing else (modifiers like exp= aside): no server may send as the domain. */
export function spfSendsNone(spf: string): boolean {
  const terms = spf.trim().split(/\s+/).slice(1)
  return terms.some((t) => t.toLowerCase() === '-all') && terms.every((t) => t.toLowerCase() === '-all' || /^[a-z][a-z0-9_.-]*=/i.test(t))
}

/**
 * Whether the domain declares that it sends (SPF "-all") or receives (null MX) no mail, from
 * its TXT and MX records; lookups that fail count as "declares nothing".
 */
export async function mailPosture(dns: Resolver, domain: string, signal: AbortSignal): Promise<MailPosture> {
  const o = { signal }
  const [txt, mx] = await Promise.all([dns.lookup(domain, 'TXT', o).catch(() => null), dns.lookup(domain, 'MX', o).catch(() => null)])
  const spf = txt?.records.map((r) => txtOf(r.data)).find(isSpfRecord) ?? ''
  const exchanges = mx?.records.map((r) => normName((r.data as { exchange: string }).exchange)) ?? []
  return { sendsNone: spfSendsNone(spf), nullMx: exchanges.length === 1 && exchanges[0] === '', spf }
}
