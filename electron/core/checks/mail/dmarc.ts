import { recordDns } from '../dns/lib/evidence'
import { mailPosture } from './sending'
import type { CheckModule } from '../types'
import { externalAuthorized, lookupDmarc } from './dmarc/lookup'

/** mail.dmarc: one valid DMARC record with an enforcing policy and working reports. */
export const check: CheckModule = {
  meta: {
    id: 'mail.dmarc',
    title: 'DMARC policy',
    area: 'mail',
    stage: 'security',
    why: 'DMARC tells Gmail and Outlook to reject mail forged in your name, and its reports show who sends as you.',
    fix: 'Publish TXT "_dmarc.<domain>": "v=DMARC1; p=quarantine; rua=mailto:dmarc@<domain>" and move to p=reject once reports look clean.',
    byHand: { command: 'dig +short TXT _dmarc.{domain}', expect: 'one record "v=DMARC1; p=quarantine" (or p=reject) with rua=mailto:… for reports' },
    runbook: 'email-not-delivered',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const found = await lookupDmarc(dns, ctx.domain, ctx.signal)
    const details: Record<string, unknown> = { ...found }
    const out = (status: 'pass' | 'warn' | 'fail' | 'error', summary: string) => ({ status, summary, details, evidence: evidence() })
    if (found.status === 'temperror') return out('error', `Could not look up the DMARC record: ${found.error}`)
    if (found.status === 'none') return out('fail', `No DMARC policy for ${ctx.domain} (${found.error}): receivers get no instruction for forged mail.`)
    if (found.status === 'permerror' || !found.record) return out('fail', `The DMARC record at _dmarc.${found.recordDomain} is invalid: ${found.error}.`)
    const rec = found.record
    const uris = [...rec.rua, ...rec.ruf].map((u) => u.uri)
    const auth = await Promise.all(uris.map((u) => externalAuthorized(dns, found.recordDomain, u, ctx.signal)))
    details.reportDestinations = auth
    const warnings: string[] = []
    if (rec.pFallback) warnings.push(`the policy is unusable (${rec.pFallback}) so receivers apply p=none`)
    else if (rec.p === 'none') warnings.push('p=none only monitors: forged mail is still delivered')
    if (rec.sp === 'none' && rec.p !== 'none' && !rec.pFallback) warnings.push(`sp=none leaves every subdomain unprotected: mail forged from any name under ${found.recordDomain} is still delivered`)
    // A domain that sends no mail (SPF "-all") needs no reports: every message claiming it is forged.
    const sendsNone = !rec.rua.length && (await mailPosture(dns, ctx.domain, ctx.signal)).sendsNone
    if (!rec.rua.length && !sendsNone) warnings.push('no rua= address, so nobody receives the aggregate reports')
    if (rec.pct < 100 && rec.p !== 'none') warnings.push(`pct=${rec.pct}: the policy applies to only ${rec.pct}% of failing mail`)
    const unauth = auth.filter((a) => a.external && a.authorized === false)
    if (unauth.length) warnings.push(`${unauth.map((a) => a.uri).join(', ')} ${unauth.length === 1 ? 'is' : 'are'} outside the domain and not authorized (RFC 7489 §7.1), so those reports are never sent`)
    const where = found.recordDomain === ctx.domain ? '' : ` (inherited from ${found.recordDomain})`
    if (warnings.length) return out('warn', `DMARC p=${rec.p}${where}: ${warnings.join('; ')}.`)
    const reports = rec.rua.length ? `reports to ${rec.rua.map((u) => u.uri.replace(/^mailto:/i, '')).join(', ')}` : `no reports needed: ${ctx.domain} sends no mail (SPF "-all")`
    return out('pass', `DMARC p=${rec.p}${rec.sp ? `, sp=${rec.sp}` : ''}${where}, ${reports}.`)
  },
}
