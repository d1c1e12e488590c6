import { recordDns } from '../dns/lib/evidence'
import type { CheckModule } from '../types'
import { spfDns } from './spf/dns'
import { spfSendsNone } from './sending'
import { lintSpf } from './spf/lint'
import { SpfError } from './spf/types'

/** mail.spf: one valid SPF record, within the RFC 7208 limits, ending in -all or ~all. */
export const check: CheckModule = {
  meta: {
    id: 'mail.spf',
    title: 'SPF record',
    area: 'mail',
    stage: 'security',
    why: 'Without a correct SPF record your own emails land in spam and anyone can send mail that looks like it comes from you.',
    fix: 'Publish exactly one TXT record "v=spf1 include:<your mail providers> -all" at the domain; keep it under 10 DNS lookups by removing unused includes.',
    byHand: { command: 'dig +short TXT {domain} | grep spf1', expect: 'exactly one line starting "v=spf1" and ending in -all or ~all' },
    runbook: 'email-not-delivered',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    let lint
    try {
      lint = await lintSpf(spfDns(dns, ctx.signal), ctx.domain)
    } catch (e) {
      if (e instanceof SpfError) return { status: 'error', summary: `Could not read the SPF record: ${e.message}`, evidence: evidence() }
      throw e
    }
    // RFC 7208 §3.1 retired the SPF RR type (99): publishing one only confuses tools.
    const rr99 = await dns.lookup(ctx.domain, 'SPF', { signal: ctx.signal }).then((r) => r.records.length, () => 0)
    if (rr99) lint.issues.push({ level: 'warn', message: 'a deprecated SPF-type (99) DNS record is published; RFC 7208 uses TXT only, remove it' })
    const { records, totalLookups, voidLookups, issues, tree } = lint
    const details = { records, totalLookups, voidLookups, all: lint.all, allFrom: lint.allFrom, issues, tree }
    const out = (status: 'pass' | 'warn' | 'fail', summary: string) => ({ status, summary, details, evidence: evidence() })
    if (!records.length) return out('fail', `${ctx.domain} has no SPF record: anyone can send mail as this domain and your own mail may be marked as spam.`)
    const fails = issues.filter((i) => i.level === 'fail')
    if (fails.length) return out('fail', `SPF problem: ${fails.map((f) => f.message).join('; ')}.`)
    const warns = issues.filter((i) => i.level === 'warn')
    if (warns.length) return out('warn', `SPF works but: ${warns.map((w) => w.message).join('; ')}.`)
    if (spfSendsNone(records[0])) return out('pass', `${ctx.domain} sends no mail: its SPF record "${records[0]}" authorises no server.`)
    const by = lint.allFrom ? ` (by redirect= to ${lint.allFrom})` : ''
    return out('pass', `One valid SPF record ending in ${lint.all ?? ''}all${by}, ${totalLookups}/10 DNS lookups.`)
  },
}
