import { findZone, parentDelegation, queryAuthoritative } from '../../net/dns/auth'
import type { CheckModule } from '../types'
import { recordDns } from './lib/evidence'
import { dsMatches, keyTag, type DnskeyData, type DsData } from './lib/dnssec'

/** dns.dnssec: DS at the parent, DNSKEY at the zone, and the two agree. */
export const check: CheckModule = {
  meta: {
    id: 'dns.dnssec',
    title: 'DNSSEC',
    area: 'dns',
    stage: 'security',
    why: 'DNSSEC stops forged DNS answers; a broken chain makes validating resolvers treat the whole domain as gone.',
    fix: 'Either sign the zone at your DNS provider and publish its DS record at the registrar, or remove the stale DS record at the registrar.',
    runbook: 'dns-broke-site',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const o = { signal: ctx.signal }
    const zone = await findZone(dns, ctx.domain, o)
    const [parent, keys] = await Promise.all([parentDelegation(dns, zone, o), queryAuthoritative(dns, zone, 'DNSKEY', { ...o, zone, dnssec: true })])
    const ds = parent.ds as DsData[]
    const dnskeys = new Map<string, DnskeyData>()
    let rrsig = false
    for (const k of keys) {
      for (const a of k.response?.answers ?? []) {
        if (a.type === 'DNSKEY') dnskeys.set(JSON.stringify(a.data), a.data as DnskeyData)
        if (a.type === 'RRSIG') rrsig = true
      }
    }
    const list = [...dnskeys.values()]
    const matched = ds.filter((d) => list.some((k) => dsMatches(zone, d, k)))
    const details = { zone, ds, dnskeys: list.map((k) => ({ flags: k.flags, algorithm: k.algorithm, keyTag: keyTag(k) })), matchedDs: matched.map((d) => d.keyTag), rrsig }
    const out = (status: 'pass' | 'warn' | 'fail', summary: string) => ({ status, summary, details, evidence: evidence() })
    if (!ds.length && !list.length) return out('warn', `${zone} is not signed with DNSSEC (no DS at ${parent.parentZone}, no DNSKEY).`)
    if (!ds.length) return out('warn', `${zone} publishes DNSKEY records but ${parent.parentZone} has no DS record, so nobody validates them.`)
    if (!list.length) return out('fail', `Broken DNSSEC chain: ${parent.parentZone} publishes a DS record for ${zone} but the zone has no DNSKEY; validating resolvers will fail.`)
    if (!matched.length) return out('fail', `Broken DNSSEC chain: no DNSKEY of ${zone} matches the DS record(s) at ${parent.parentZone} (key tags ${ds.map((d) => d.keyTag).join(', ')}).`)
    return out('pass', `${zone} is signed: DS at ${parent.parentZone} matches DNSKEY ${matched.map((d) => d.keyTag).join(', ')}.`)
  },
}
