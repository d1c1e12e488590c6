import { getDomain } from 'tldts'
import type { Resolver } from '../../../net/dns/resolver'
import { txtOf } from '../../dns/lib/evidence'
import { isDmarcRecord, parseDmarc, type DmarcRecord } from './parse'

export interface DmarcLookup {
  /** none: no usable record; permerror: syntax; temperror: DNS failed. */
  status: 'found' | 'none' | 'permerror' | 'temperror'
  /** Where the record was looked for last (the domain, or its organizational domain). */
  recordDomain: string
  record?: DmarcRecord
  text?: string
  error?: string
}

/** The registrable domain (public suffix + one label) via tldts, or null for a public suffix itself. */
export function registrableDomain(name: string): string | null {
  // The whole list, private section included (as the PSL's own tests and OpenDMARC read it).
  return getDomain(name, { allowPrivateDomains: true })
}

/** The organizational domain (RFC 7489 §3.2): the registrable domain, or the name itself. */
export function orgDomain(domain: string): string {
  return registrableDomain(domain) ?? domain
}

async function at(dns: Resolver, domain: string, signal?: AbortSignal): Promise<DmarcLookup> {
  try {
    const r = await dns.lookup(`_dmarc.${domain}`, 'TXT', { signal })
    const texts = r.records.map((x) => txtOf(x.data)).filter(isDmarcRecord)
    if (!texts.length) return { status: 'none', recordDomain: domain, error: 'no DMARC record' }
    if (texts.length > 1) return { status: 'none', recordDomain: domain, error: `${texts.length} DMARC records (RFC 7489 §6.6.3: no policy applies)` }
    const p = parseDmarc(texts[0])
    return p.ok ? { status: 'found', recordDomain: domain, record: p.record, text: texts[0] } : { status: 'permerror', recordDomain: domain, text: texts[0], error: p.error }
  } catch (e) {
    return { status: 'temperror', recordDomain: domain, error: (e as Error).message }
  }
}

/** Find the DMARC policy for a From domain: _dmarc.<domain>, else _dmarc.<organizational domain>. */
export async function lookupDmarc(dns: Resolver, domain: string, signal?: AbortSignal): Promise<DmarcLookup> {
  const d = domain.toLowerCase().replace(/\.$/, '')
  const first = await at(dns, d, signal)
  if (first.status !== 'none' || first.error?.includes('records')) return first
  const org = orgDomain(d)
  return org === d ? first : at(dns, org, signal)
}

/**
 * RFC 7489 §7.1: a report address outside the policy's organizational domain must publish
 * "<policy domain>._report._dmarc.<destination>" with v=DMARC1, or reports are not sent there.
 */
export async function externalAuthorized(dns: Resolver, policyDomain: string, uri: string, signal?: AbortSignal): Promise<{ uri: string; external: boolean; authorized?: boolean; error?: string }> {
  const m = /^mailto:[^@]+@([^?!]+)/i.exec(uri)
  if (!m) return { uri, external: false }
  const dest = m[1].toLowerCase()
  if (orgDomain(dest) === orgDomain(policyDomain)) return { uri, external: false }
  try {
    const r = await dns.lookup(`${policyDomain}._report._dmarc.${dest}`, 'TXT', { signal })
    return { uri, external: true, authorized: r.records.some((x) => /^v=DMARC1/i.test(txtOf(x.data))) }
  } catch (e) {
    return { uri, external: true, error: (e as Error).message }
  }
}
