import { delegatedNameservers, sameNameservers } from '../../providers/delegation'
import { ProviderError } from '../../providers/errors'
import { providerFailure } from '../../providers/outcome'
import type { RdapDomain } from '../../providers/rdap/parse'
import type { CheckModule, CheckOutcome, Thresholds } from '../types'

const DAY = 86_400_000

/** Expiry (warn/fail thresholds), transfer lock (fail when unlocked), nameservers vs delegation (warn). */
export function judgeDomain(d: RdapDomain, t: Pick<Thresholds, 'domainWarnDays' | 'domainFailDays'>, delegated: string[] | undefined, now = Date.now()): Pick<CheckOutcome, 'status' | 'summary'> & { daysLeft?: number } {
  const fails: string[] = []
  const warns: string[] = []
  const daysLeft = d.expiresAt ? Math.floor((Date.parse(d.expiresAt) - now) / DAY) : undefined
  if (daysLeft === undefined) warns.push('the registry publishes no expiration date')
  else if (daysLeft < 0) fails.push(`the domain expired ${-daysLeft} days ago`)
  else if (daysLeft < t.domainFailDays) fails.push(`the domain expires in ${daysLeft} days`)
  else if (daysLeft < t.domainWarnDays) warns.push(`the domain expires in ${daysLeft} days`)
  if (!d.transferLocked) fails.push('transfer lock is off (no clientTransferProhibited): anyone with the auth code can move the domain')
  if (delegated && d.nameservers.length && !sameNameservers(d.nameservers, delegated)) {
    warns.push(`the registry lists nameservers ${d.nameservers.join(', ')} but DNS delegates to ${delegated.join(', ')}`)
  }
  const registrar = d.registrar?.name ? ` at ${d.registrar.name}` : ''
  if (fails.length) return { status: 'fail', summary: capital([...fails, ...warns].join('; ')), daysLeft }
  if (warns.length) return { status: 'warn', summary: capital(warns.join('; ')), daysLeft }
  return { status: 'pass', summary: `Registered${registrar}, expires in ${daysLeft} days, transfer-locked`, daysLeft }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export const check: CheckModule = {
  meta: {
    id: 'reg.domain',
    title: 'Domain registration: expiry, lock, nameservers',
    area: 'reg',
    stage: 'quick-audit',
    why: 'An expired or unlocked domain can take the whole product (site, email, logins) offline or be transferred away.',
    fix: "At the registrar: turn on auto-renew and renew for at least a year, enable the transfer lock, and make sure the nameservers match your DNS provider's. Check that the billing card and contact email are the founder's.",
    byHand: { command: 'whois {domain} | grep -iE "expir|status|registrar:"', expect: 'an expiry date more than 60 days away and the status clientTransferProhibited' },
    runbook: 'domain-expired',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    let lookup
    try {
      lookup = await ctx.services.providers.rdap().lookup(ctx.domain, ctx.signal)
    } catch (e) {
      if (e instanceof ProviderError && e.kind === 'not_found' && /no RDAP service/.test(e.message)) return { status: 'skip', summary: `Cannot check registration: ${e.message}` }
      return providerFailure(e)
    }
    const d = lookup.domain
    const delegation = await delegatedNameservers(ctx.services.dns, ctx.domain, ctx.signal)
    const v = judgeDomain(d, ctx.thresholds, delegation?.ns)
    return {
      status: v.status,
      summary: v.summary,
      details: {
        registrar: d.registrar ?? null,
        registrant: d.registrant ?? null,
        registeredAt: d.registeredAt,
        expiresAt: d.expiresAt,
        daysLeft: v.daysLeft,
        status: d.status,
        transferLocked: d.transferLocked,
        nameservers: d.nameservers,
        delegation,
        dnssec: d.secureDns ?? null,
        autoRenew: 'unknown (RDAP does not publish it; check at the registrar)',
        rdapUrl: lookup.url,
        bootstrap: lookup.bootstrap,
      },
      evidence: [{ kind: 'api', label: `RDAP ${lookup.url}`, data: d }],
    }
  },
}
