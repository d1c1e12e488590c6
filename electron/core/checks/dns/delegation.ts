import { askEach, findZone, parentDelegation, zoneNameServers, addressesOf } from '../../net/dns/auth'
import type { CheckModule } from '../types'
import { recordDns } from './lib/evidence'
import { dnsProvider } from './lib/providers'

/** dns.delegation: NS at the parent vs the zone's own NS; every server answers authoritatively. */
export const check: CheckModule = {
  meta: {
    id: 'dns.delegation',
    title: 'DNS delegation',
    area: 'dns',
    stage: 'dns-routing',
    why: 'If the registry points at name servers that do not answer for the domain, the website and email can vanish without warning.',
    fix: 'Make the name servers at the registrar match the ones your DNS provider lists for the zone, and remove any that no longer serve it.',
    byHand: { command: 'dig +short NS {domain}', expect: 'the same nameservers as the registrar lists for the domain (whois {domain} | grep -i "name server"), at least two' },
    runbook: 'dns-broke-site',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const o = { signal: ctx.signal }
    const zone = await findZone(dns, ctx.domain, o)
    const [parent, own] = await Promise.all([parentDelegation(dns, zone, o), zoneNameServers(dns, zone, o)])
    const ownNames = own.map((n) => n.name).sort()
    const parentNs = parent.ns
    const all = [...new Set([...parentNs, ...ownNames])]
    const servers = await Promise.all(all.map((n) => own.find((x) => x.name === n) ?? addressesOf(dns, n, o)))
    const answers = await askEach(dns, servers, zone, 'NS', o)
    const lame = answers.filter((a) => !a.response || !a.response.flags.aa || a.response.rcode !== 'NOERROR').map((a) => ({ ns: a.ns, reason: a.error ?? (a.response && !a.response.flags.aa ? 'answers without authority' : a.response?.rcode) }))
    const providers = [...new Set(all.map((n) => (n.endsWith(`.${zone}`) ? 'own name servers' : dnsProvider(n))))]
    const onlyParent = parentNs.filter((n) => !ownNames.includes(n))
    const onlyZone = ownNames.filter((n) => !parentNs.includes(n))
    const details = { zone, parentZone: parent.parentZone, parentNs, zoneNs: ownNames, lame, providers, onlyParent, onlyZone }
    const out = (status: 'pass' | 'fail' | 'warn', summary: string) => ({ status, summary, details, evidence: evidence() })
    if (!parentNs.length) return out('fail', `The parent zone ${parent.parentZone} does not delegate ${zone} to any name server.`)
    if (lame.length) return out('fail', `Lame delegation: ${lame.map((l) => `${l.ns} (${l.reason})`).join(', ')} do not answer authoritatively for ${zone}.`)
    if (onlyParent.length || onlyZone.length) {
      return out('fail', `Delegation mismatch: the registry lists ${parentNs.join(', ')} but the zone lists ${ownNames.join(', ')}.`)
    }
    if (parentNs.length < 2) return out('warn', `Only one name server (${parentNs[0]}) serves ${zone}; one outage takes the domain offline.`)
    return out('pass', `${zone} is delegated to ${parentNs.length} name servers (${providers.join(', ')}), all answering authoritatively.`)
  },
}
