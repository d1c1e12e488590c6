import type { CfRuleset } from '../../providers/cloudflare/types'
import { apiEvidence } from '../../providers/outcome'
import type { CheckModule, CheckOutcome } from '../types'
import { AUTH_PATHS, API_PATHS, targets } from './lib/paths'
import { withZone } from './lib/zone'

export interface SecurityFacts {
  securityLevel: unknown
  waf: unknown
  rulesets: CfRuleset[]
}

/** Security level not off, WAF managed rules deployed, a rate-limit rule over auth (and API) paths. */
export function judgeSecurity(f: SecurityFacts): Pick<CheckOutcome, 'status' | 'summary'> & { covered: string[] } {
  const limits = f.rulesets.filter((r) => r.phase === 'http_ratelimit').flatMap((r) => r.rules.filter((x) => x.enabled))
  const managed =
    f.waf === 'on' ||
    f.rulesets.some((r) => r.phase === 'http_request_firewall_managed' && (r.kind === 'managed' || r.rules.some((x) => x.enabled && x.action === 'execute')))
  const covered = [targetsAny(limits, AUTH_PATHS) && 'login/signup/reset', targetsAny(limits, API_PATHS) && 'API'].filter((x): x is string => !!x)
  const warns: string[] = []
  if (!covered.includes('login/signup/reset')) warns.push(limits.length ? 'no rate-limit rule covers login, signup or password reset' : 'no rate-limit rule')
  if (!managed) warns.push('WAF managed rules are not deployed')
  const level = String(f.securityLevel ?? 'unknown')
  if (level === 'off' || level === 'essentially_off') warns.push(`security level is ${level}`)
  if (warns.length) return { status: 'warn', summary: warns.join('; '), covered }
  return { status: 'pass', summary: `Security level ${level}, WAF managed rules on, rate limits cover ${covered.join(' and ')}`, covered }
}

function targetsAny(rules: { expression: string }[], family: RegExp): boolean {
  return rules.some((r) => targets(r.expression, family))
}

export const check: CheckModule = {
  meta: {
    id: 'cf.security',
    title: 'WAF and rate limits',
    area: 'cf',
    stage: 'security',
    why: 'Without a rate limit on login and signup, bots can guess passwords or create spam accounts as fast as your server answers.',
    fix: 'In Cloudflare → Security → WAF: deploy the Cloudflare managed ruleset, and add a rate-limiting rule for paths like /login, /signup, /reset-password and /api (for example 20 requests per minute per IP, action Block or Managed Challenge).',
    scope: 'domain',
    network: true,
  },
  run: (ctx) =>
    withZone(ctx, async ({ cf, cred, zone, evidence }) => {
      const securityLevel = await cf.setting(zone.id, 'security_level')
      const waf = await cf.setting(zone.id, 'waf')
      const rulesets = await cf.rulesets(zone.id, ['http_ratelimit', 'http_request_firewall_managed', 'http_request_firewall_custom'])
      const v = judgeSecurity({ securityLevel, waf, rulesets })
      return {
        status: v.status,
        summary: v.summary,
        details: { securityLevel, waf, rateLimitCovers: v.covered, rulesets: rulesets.map((r) => ({ phase: r.phase, kind: r.kind, rules: r.rules.length })) },
        evidence: [...evidence, apiEvidence('Cloudflare security settings and rulesets', { securityLevel, waf, rulesets }, cred)],
      }
    }),
}
