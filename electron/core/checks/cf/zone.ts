import { delegatedNameservers, sameNameservers } from '../../providers/delegation'
import type { CfZone } from '../../providers/cloudflare/types'
import { apiEvidence } from '../../providers/outcome'
import type { CheckModule, CheckOutcome } from '../types'
import { withCloudflare } from './lib/zone'

/** Judge a zone against the delegation seen in DNS (undefined: DNS could not tell). */
export function judgeZone(domain: string, zone: CfZone | null, delegated?: string[]): Pick<CheckOutcome, 'status' | 'summary'> {
  if (!zone) return { status: 'fail', summary: `${domain} is not a zone on this Cloudflare account` }
  if (zone.status !== 'active') return { status: 'fail', summary: `The Cloudflare zone is ${zone.status}: point the registrar's nameservers at ${zone.nameServers.join(', ') || 'Cloudflare'}` }
  if (!delegated) return { status: 'warn', summary: 'The Cloudflare zone is active, but the delegation could not be read from DNS to compare nameservers' }
  if (zone.nameServers.length && !sameNameservers(zone.nameServers, delegated)) {
    return { status: 'fail', summary: `The domain is delegated to ${delegated.join(', ')}, not to the zone's Cloudflare nameservers ${zone.nameServers.join(', ')}` }
  }
  if (zone.paused) return { status: 'warn', summary: 'The Cloudflare zone is active but paused: traffic bypasses Cloudflare protection' }
  return { status: 'pass', summary: `Cloudflare zone is active and delegated to ${zone.nameServers.join(', ')}` }
}

export const check: CheckModule = {
  meta: {
    id: 'cf.zone',
    title: 'Cloudflare zone active and delegated',
    area: 'cf',
    stage: 'dns-routing',
    why: 'If the zone is missing or pending, Cloudflare is not actually serving your domain, so none of its protection or caching applies.',
    fix: "Add the domain to Cloudflare (or find the right account), then set the registrar's nameservers to the two Cloudflare nameservers shown on the zone's overview page.",
    byHand: { command: 'curl -s -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" "https://api.cloudflare.com/client/v4/zones?name={domain}" | grep -o \'"status":"[a-z]*"\\|"name_servers":\\[[^]]*\\]\'', expect: '"status":"active" and the same nameservers that `dig +short NS {domain}` prints' },
    runbook: 'dns-broke-site',
    scope: 'domain',
    network: true,
  },
  run: (ctx) =>
    withCloudflare(ctx, async (cf, cred) => {
      const zone = await cf.findZone(ctx.domain)
      const delegation = zone ? await delegatedNameservers(ctx.services.dns, ctx.domain, ctx.signal) : undefined
      return {
        ...judgeZone(ctx.domain, zone, delegation?.ns),
        details: { zone: zone && { id: zone.id, status: zone.status, nameServers: zone.nameServers, paused: zone.paused }, delegation },
        evidence: [apiEvidence(`Cloudflare GET /zones?name=${ctx.domain}`, zone ?? { found: false }, cred), { kind: 'dns', label: `Delegation of ${ctx.domain}`, data: delegation ?? null }],
      }
    }),
}
