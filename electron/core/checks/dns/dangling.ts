import type { CheckModule } from '../types'
import { normName, recordDns } from './lib/evidence'
import { COMMON_LABELS, takeoverService } from './lib/takeover'
import { zoneRecords } from './lib/zone-records'
import { releasedAddresses } from './lib/cloud-address'

interface Finding {
  host: string
  chain: string[]
  target: string
  rcode: string
  service?: string
}

/**
 * dns.dangling: CNAMEs whose target does not resolve, especially on third-party services
 * (takeover risk), and A/AAAA records at cloud addresses (recognised by reverse DNS) that no
 * longer serve the name (possibly released, so the next customer given the address gets it).
 */
export const check: CheckModule = {
  meta: {
    id: 'dns.dangling',
    title: 'Dangling DNS records',
    area: 'dns',
    stage: 'dns-routing',
    why: 'A record pointing at a deleted app or bucket lets a stranger claim it and serve pages or steal cookies under your domain.',
    fix: 'Delete the CNAME (or re-create the resource it points to) for every host listed, starting with those on third-party services. For an A record at a cloud address that no longer serves the name, delete the record or point it at the server that now runs the site.',
    runbook: 'dns-broke-site',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const o = { signal: ctx.signal }
    // Every name in the zone when the DNS provider's API lists them; declared hosts and guesses always.
    const zone = await zoneRecords(ctx)
    const inZone = (zone?.records ?? []).filter((r) => ['A', 'AAAA', 'CNAME'].includes(r.type) && (r.name === ctx.domain || r.name.endsWith(`.${ctx.domain}`)))
    const names = new Set([ctx.domain, ...ctx.engagement.hosts.map((h) => h.name), ...COMMON_LABELS.map((l) => `${l}.${ctx.domain}`), ...inZone.map((r) => r.name)])
    const findings: Finding[] = []
    const checked: { host: string; chain: string[] }[] = []
    const errors: string[] = []
    // A proxied CNAME answers with the provider's addresses: its target is judged from the API.
    const proxiedCnames = inZone.filter((r) => r.type === 'CNAME' && r.proxied)
    await Promise.all(
      proxiedCnames.map(async (r) => {
        const target = normName(r.content)
        try {
          const t = await dns.lookup(target, 'A', o)
          const t6 = t.records.length ? t : await dns.lookup(target, 'AAAA', o)
          checked.push({ host: r.name, chain: [target] })
          if (!t6.records.length) findings.push({ host: r.name, chain: [target], target, rcode: t.rcode, service: takeoverService(target) })
        } catch (e) {
          errors.push(`${r.name} → ${target}: ${(e as Error).message}`)
        }
      }),
    )
    const judged = new Set(proxiedCnames.map((r) => r.name))
    // name → address of A/AAAA records that are not CNAMEs (the API's unproxied ones, then public DNS)
    const direct = new Map<string, string>(inZone.filter((r) => (r.type === 'A' || r.type === 'AAAA') && !r.proxied).map((r) => [r.name, r.content]))
    await Promise.all(
      [...names].filter((h) => !judged.has(h)).map(async (host) => {
        try {
          const a = await dns.lookup(host, 'A', o)
          if (!a.cnames.length) {
            // Not a CNAME at all (or the resolver did not follow): ask for the CNAME itself.
            const c = await dns.lookup(host, 'CNAME', o)
            if (!c.records.length) {
              // A plain A record: its address may be a released cloud address (below).
              const first = a.records.find((r) => r.type === 'A')
              if (first) direct.set(host, String(first.data))
              return
            }
            const target = normName(c.records[0].data)
            const t = await dns.lookup(target, 'A', o)
            const t6 = t.records.length ? t : await dns.lookup(target, 'AAAA', o)
            checked.push({ host, chain: [target] })
            if (!t6.records.length) findings.push({ host, chain: [target], target, rcode: t.rcode, service: takeoverService(target) })
            return
          }
          checked.push({ host, chain: a.cnames })
          const target = a.cnames[a.cnames.length - 1]
          if (a.records.length) return
          const six = await dns.lookup(host, 'AAAA', o)
          if (six.records.length) return
          findings.push({ host, chain: a.cnames, target, rcode: a.rcode, service: takeoverService(target) })
        } catch (e) {
          if (ctx.engagement.hosts.some((h) => h.name === host)) errors.push(`${host}: ${(e as Error).message}`)
        }
      }),
    )
    const released = await releasedAddresses([...direct].map(([host, address]) => ({ host, address })), ctx.services.dns, ctx.services.tls, ctx.signal)
    const source = zone ? (zone.error ? `the Cloudflare zone could not be listed (${zone.error}); declared and common hosts only` : `every A/AAAA/CNAME name of the Cloudflare zone (${inZone.length}) plus declared and common hosts`) : 'declared and common hosts (no DNS provider API to list the zone)'
    const details = { source, zoneNames: inZone.length, checked, findings, errors, addressesLooked: released.looked, releasedAddresses: released.found }
    const out = (status: 'pass' | 'fail' | 'warn' | 'error', summary: string) => ({ status, summary, details, evidence: [...(zone?.evidence ?? []), ...evidence()] })
    // Every finding, worst first: takeovers, then dangling CNAMEs, then addresses that may be released.
    const risky = findings.filter((f) => f.service)
    const lines = [
      risky.length && `Takeover risk: ${risky.map((f) => `${f.host} → ${f.target} (${f.service}, ${f.rcode === 'NXDOMAIN' ? 'unclaimed' : 'no address'})`).join('; ')}.`,
      findings.length > risky.length && `Dangling CNAME: ${findings.filter((f) => !f.service).map((f) => `${f.host} → ${f.target} does not resolve`).join('; ')}.`,
      released.found.length && `Possibly released cloud address: ${released.found.map((r) => `${r.host} → ${r.address} (${r.pool}, by its reverse DNS ${r.ptr}) ${r.problem}`).join('; ')}; whoever is given the address next serves the name.`,
    ].filter((x): x is string => !!x)
    if (findings.length) return out('fail', lines.join(' '))
    if (released.found.length) return out('warn', lines.join(' '))
    if (errors.length && !checked.length) return out('error', `Could not look up the hosts: ${errors[0]}`)
    const over = zone && !zone.error ? ` across the ${inZone.length} names the Cloudflare zone lists` : ''
    return out('pass', checked.length ? `${checked.length} CNAME record${checked.length === 1 ? '' : 's'} checked${over}; every target resolves.` : `No CNAME records found on the declared or common hosts${over}.`)
  },
}
