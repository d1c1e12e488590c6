import type { CfRecord } from '../../providers/cloudflare/types'
import { apiEvidence } from '../../providers/outcome'
import type { CheckModule, CheckOutcome } from '../types'
import { withZone } from './lib/zone'

const WEB_TYPES = new Set(['A', 'AAAA', 'CNAME'])

/**
 * Judge proxying: apex and www must be proxied (fail); other web hosts unproxied → warn; an
 * unproxied record pointing at the same address as a proxied one exposes the origin (fail).
 */
export function judgeProxy(domain: string, records: CfRecord[], webHosts: string[]): Pick<CheckOutcome, 'status' | 'summary'> & { findings: string[] } {
  const web = records.filter((r) => WEB_TYPES.has(r.type))
  const proxiedTargets = new Set(web.filter((r) => r.proxied).map((r) => r.content.toLowerCase()))
  const fails: string[] = []
  const warns: string[] = []
  for (const name of [domain, `www.${domain}`]) {
    const rs = web.filter((r) => r.name === name)
    if (rs.some((r) => !r.proxied)) fails.push(`${name} is not proxied`)
  }
  for (const r of web) {
    if (!r.proxied && (r.type === 'A' || r.type === 'AAAA') && proxiedTargets.has(r.content.toLowerCase())) {
      fails.push(`${r.name} (unproxied) exposes the origin address ${r.content} behind proxied hosts`)
    }
  }
  for (const h of webHosts) {
    if (h === domain || h === `www.${domain}`) continue
    if (web.some((r) => r.name === h && !r.proxied && r.proxiable)) warns.push(`${h} is not proxied`)
  }
  const findings = [...fails, ...warns]
  if (fails.length) return { status: 'fail', summary: fails.join('; '), findings }
  if (warns.length) return { status: 'warn', summary: warns.join('; '), findings }
  if (!web.some((r) => r.name === domain || r.name === `www.${domain}`)) return { status: 'warn', summary: 'No web records for the apex or www in the Cloudflare zone', findings }
  return { status: 'pass', summary: 'Web hosts are proxied through Cloudflare and no record exposes the origin', findings }
}

export const check: CheckModule = {
  meta: {
    id: 'cf.proxy',
    title: 'Web hosts proxied, origin hidden',
    area: 'cf',
    stage: 'security',
    why: "Unproxied web records send visitors straight to your server, skipping Cloudflare's DDoS protection and revealing the address attackers can hit directly.",
    fix: 'In Cloudflare DNS, turn on the orange cloud (Proxied) for the apex, www and app hosts. Delete or re-address unproxied records (like origin.* or direct.*) that point at the same server, and change the origin IP if it was exposed.',
    scope: 'domain',
    network: true,
  },
  run: (ctx) =>
    withZone(ctx, async ({ cf, cred, zone, evidence }) => {
      const records = await cf.dnsRecords(zone.id)
      const webHosts = ctx.engagement.hosts.filter((h) => !['staging', 'preview', 'other'].includes(h.role)).map((h) => h.name)
      const v = judgeProxy(ctx.domain, records, webHosts)
      const listed = records.filter((r) => WEB_TYPES.has(r.type)).map((r) => ({ name: r.name, type: r.type, content: r.content, proxied: r.proxied }))
      return { status: v.status, summary: v.summary, details: { findings: v.findings, records: listed }, evidence: [...evidence, apiEvidence(`Cloudflare GET /zones/${zone.id}/dns_records`, listed, cred)] }
    }),
}
