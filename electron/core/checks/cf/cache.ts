import type { CfRuleset } from '../../providers/cloudflare/types'
import { apiEvidence } from '../../providers/outcome'
import type { CheckModule, CheckOutcome } from '../types'
import { PRIVATE_PATHS, targets } from './lib/paths'
import { withZone } from './lib/zone'

/** A cache rule that makes responses eligible for cache ("cache everything") on private paths fails. */
export function judgeCache(rulesets: CfRuleset[]): Pick<CheckOutcome, 'status' | 'summary'> & { offending: string[]; rules: number } {
  const rules = rulesets.filter((r) => r.phase === 'http_request_cache_settings').flatMap((r) => r.rules.filter((x) => x.enabled))
  const caching = rules.filter((r) => r.action === 'set_cache_settings' && r.actionParameters?.cache === true)
  const offending = caching.filter((r) => targets(r.expression, PRIVATE_PATHS)).map((r) => r.description || r.expression)
  if (offending.length) return { status: 'fail', summary: `A cache rule caches everything on private paths (auth/API): ${offending.join('; ')}`, offending, rules: rules.length }
  if (rules.length === 0) return { status: 'pass', summary: 'No cache rules: Cloudflare caches static assets only by default', offending, rules: 0 }
  return { status: 'pass', summary: `${rules.length} cache rule(s); none caches auth or API paths`, offending, rules: rules.length }
}

export const check: CheckModule = {
  meta: {
    id: 'cf.cache',
    title: 'Cache rules keep private pages private',
    area: 'cf',
    stage: 'caching',
    why: "A 'cache everything' rule on logged-in or API pages can show one customer's data to another.",
    fix: 'In Cloudflare → Caching → Cache Rules, limit "Eligible for cache" rules to static paths (/assets, /static, images) and add a Bypass cache rule for /api, /login, /account and other personalised paths.',
    scope: 'domain',
    network: true,
  },
  run: (ctx) =>
    withZone(ctx, async ({ cf, cred, zone, evidence }) => {
      const rulesets = await cf.rulesets(zone.id, ['http_request_cache_settings'])
      const v = judgeCache(rulesets)
      return { status: v.status, summary: v.summary, details: { offending: v.offending, cacheRules: v.rules }, evidence: [...evidence, apiEvidence('Cloudflare cache rulesets', rulesets, cred)] }
    }),
}
