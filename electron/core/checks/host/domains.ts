import type { HostingSnapshot } from '../../providers/hosting/types'
import { apiEvidence } from '../../providers/outcome'
import type { CheckContext, CheckModule, CheckOutcome } from '../types'
import { withHosting } from './lib/hosting'

export interface DnsView {
  name: string
  /** NOERROR with an address or CNAME. */
  resolves: boolean
  answer: string[]
  error?: string
}

const within = (name: string, domain: string) => name === domain || name.endsWith(`.${domain}`)

/** Hosts that must be attached (apex, www) vs attached domains vs what DNS says. */
export function judgeDomains(domain: string, mustAttach: string[], s: HostingSnapshot, dns: DnsView[]): Pick<CheckOutcome, 'status' | 'summary'> & { issues: string[] } {
  const attached = s.domains.filter((d) => within(d.name, domain))
  const names = new Set(attached.map((d) => d.name))
  const view = new Map(dns.map((d) => [d.name, d]))
  const issues: string[] = []
  for (const h of mustAttach) if (view.get(h)?.resolves && !names.has(h)) issues.push(`${h} resolves in DNS but is not attached to the ${s.provider} project`)
  for (const d of attached) {
    const v = view.get(d.name)
    if (v && !v.resolves) issues.push(`${d.name} is attached but does not resolve in DNS${v.error ? ` (${v.error})` : ''}`)
    if (d.verified === false) issues.push(`${d.name} is attached but not verified at ${s.provider}`)
  }
  if (issues.length) return { status: 'warn', summary: issues.join('; '), issues }
  return { status: 'pass', summary: `Attached domains match DNS: ${attached.map((d) => d.name).join(', ') || 'none under this domain'}`, issues }
}

async function resolve(ctx: CheckContext, name: string): Promise<DnsView> {
  try {
    const a = await ctx.services.dns.lookup(name, 'A', { signal: ctx.signal })
    const answer = [...a.cnames.map((c) => `CNAME ${c}`), ...a.records.map((r) => `A ${String(r.data)}`)]
    return { name, resolves: a.rcode === 'NOERROR' && answer.length > 0, answer, error: a.rcode === 'NOERROR' ? undefined : a.rcode }
  } catch (e) {
    return { name, resolves: false, answer: [], error: (e as Error).message }
  }
}

export const check: CheckModule = {
  meta: {
    id: 'host.domains',
    title: 'Hosting domains match DNS',
    area: 'host',
    stage: 'dns-routing',
    why: 'A domain that points at the host but is not attached there shows an error page; one attached but not in DNS suggests a forgotten or half-finished setup.',
    fix: "In the hosting dashboard, attach the apex and www (one redirecting to the other) and verify them. Remove attached domains you no longer use, and point DNS at the host's documented records.",
    runbook: 'dns-broke-site',
    scope: 'engagement',
    network: true,
  },
  run: (ctx) =>
    withHosting(ctx, async (s, cred) => {
      const must = ctx.engagement.hosts.filter((h) => h.role === 'apex' || h.role === 'web').map((h) => h.name)
      if (!must.includes(ctx.domain)) must.unshift(ctx.domain)
      const names = [...new Set([...must, ...s.domains.map((d) => d.name).filter((n) => within(n, ctx.domain))])]
      const dns = await Promise.all(names.map((n) => resolve(ctx, n)))
      const v = judgeDomains(ctx.domain, must, s, dns)
      return {
        status: v.status,
        summary: v.summary,
        details: { provider: s.provider, attached: s.domains, dns, issues: v.issues },
        evidence: [apiEvidence(`${s.provider} domains of ${s.project.name}`, s.domains, cred), { kind: 'dns', label: 'DNS answers for attached and declared hosts', data: dns }],
      }
    }),
}
