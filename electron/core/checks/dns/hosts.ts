import { findZone, queryAuthoritative } from '../../net/dns/auth'
import type { DnsResponse } from '../../net/dns/types'
import type { CheckModule } from '../types'
import { recordDns } from './lib/evidence'
import { recordSet } from './lib/records'

/** The answer's address/CNAME records as a comparable string. */
function fingerprint(r: DnsResponse): string {
  return r.answers
    .filter((a) => a.type === 'A' || a.type === 'AAAA' || a.type === 'CNAME')
    .map((a) => `${a.type} ${String(a.data).toLowerCase()}`)
    .sort()
    .join(', ')
}

/** dns.hosts: each declared host resolves, with the same answer on every authoritative server. */
export const check: CheckModule = {
  meta: {
    id: 'dns.hosts',
    title: 'Declared hosts resolve',
    area: 'dns',
    stage: 'dns-routing',
    why: 'A host name that does not resolve is a page or API your customers cannot reach.',
    fix: 'Add the missing A/AAAA or CNAME record for the host at your DNS provider, and make every name server serve the same answer.',
    byHand: { command: 'dig +short A {host}', expect: 'the address (or CNAME target) the DNS map in this document lists for the host' },
    runbook: 'dns-broke-site',
    scope: 'host',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const o = { signal: ctx.signal }
    const host = ctx.target
    const [a, aaaa] = await Promise.all([dns.lookup(host, 'A', o), dns.lookup(host, 'AAAA', o)])
    const addresses = [...a.records, ...aaaa.records].map((r) => String(r.data))
    const cnames = a.cnames
    const zone = await findZone(dns, host, o)
    const auth = await queryAuthoritative(dns, host, 'A', { ...o, zone })
    const views = auth.map((x) => ({ ns: x.ns, rcode: x.response?.rcode, answer: x.response ? fingerprint(x.response) : undefined, error: x.error }))
    const distinct = [...new Set(views.filter((v) => v.answer !== undefined).map((v) => `${v.rcode}: ${v.answer}`))]
    // The records at this name (apex: with NS, MX, TXT, CAA) for the handover's DNS map.
    const records = await recordSet(dns, host.toLowerCase(), zone, ctx.signal)
    const details = { host, addresses, cnames, zone, authoritative: views, records }
    const out = (status: 'pass' | 'warn' | 'fail', summary: string) => ({ status, summary, details, evidence: evidence() })
    if (a.rcode === 'NXDOMAIN') {
      return out('fail', cnames.length ? `${host} points to ${cnames.join(' → ')}, which does not exist (NXDOMAIN).` : `${host} does not exist in DNS (NXDOMAIN).`)
    }
    if (new Set(cnames).size < cnames.length || cnames.includes(host)) return out('fail', `${host} is a CNAME loop (${[host, ...cnames].join(' → ')}); it can never resolve.`)
    if (!addresses.length) return out('fail', `${host} has no address (no A/AAAA record${cnames.length ? ` behind ${cnames.join(' → ')}` : ''}).`)
    if (views.some((v) => v.rcode === 'NXDOMAIN' || v.rcode === 'SERVFAIL')) {
      return out('fail', `${host} is missing on some authoritative servers: ${views.filter((v) => v.rcode !== 'NOERROR').map((v) => `${v.ns} ${v.rcode ?? v.error}`).join(', ')}.`)
    }
    if (distinct.length > 1) return out('warn', `Authoritative servers disagree about ${host} (a change still propagating?): ${distinct.join(' | ')}.`)
    const errs = views.filter((v) => v.error)
    // A server that times out or refuses makes some resolvers fail the lookup (SERVFAIL).
    if (errs.length) return out('fail', `${host} resolves, but ${errs.map((e) => `${e.ns} (${e.error})`).join(', ')} did not answer for it, so some visitors get an error.`)
    return out('pass', `${host} resolves to ${addresses.slice(0, 3).join(', ')}${addresses.length > 3 ? ', …' : ''}${cnames.length ? ` via ${cnames[cnames.length - 1]}` : ''}.`)
  },
}
