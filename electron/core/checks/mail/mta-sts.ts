import { normName, recordDns, txtOf } from '../dns/lib/evidence'
import type { CheckModule, EvidenceItem } from '../types'
import { mxMatches, parseStsPolicy } from './mta-sts/policy'

/** mail.mta-sts: MTA-STS record, policy file and TLS-RPT; informational when missing. */
export const check: CheckModule = {
  meta: {
    id: 'mail.mta-sts',
    title: 'MTA-STS and TLS reporting',
    area: 'mail',
    stage: 'security',
    why: 'MTA-STS makes other mail servers insist on encrypted, verified delivery to you, so mail cannot be intercepted in transit.',
    fix: 'Publish "_mta-sts.<domain>" TXT "v=STSv1; id=<date>", serve https://mta-sts.<domain>/.well-known/mta-sts.txt listing your MX hosts, and add "_smtp._tls.<domain>" TXT "v=TLSRPTv1; rua=mailto:…".',
    runbook: 'email-not-delivered',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const o = { signal: ctx.signal }
    const [sts, rpt, mx] = await Promise.all([
      dns.lookup(`_mta-sts.${ctx.domain}`, 'TXT', o),
      dns.lookup(`_smtp._tls.${ctx.domain}`, 'TXT', o),
      dns.lookup(ctx.domain, 'MX', o),
    ])
    const stsTxt = sts.records.map((r) => txtOf(r.data)).filter((t) => /^v=STSv1\s*;/i.test(t))
    const rptTxt = rpt.records.map((r) => txtOf(r.data)).filter((t) => /^v=TLSRPTv1\s*;/i.test(t))
    const mxHosts = mx.records.map((r) => normName((r.data as { exchange: string }).exchange)).filter(Boolean)
    const details: Record<string, unknown> = { stsRecord: stsTxt, tlsRpt: rptTxt, mx: mxHosts }
    const extra: EvidenceItem[] = []
    const out = (status: 'pass' | 'warn' | 'fail', summary: string) => ({ status, summary, details, evidence: [...evidence(), ...extra] })
    const nullMx = mx.records.length > 0 && !mxHosts.length
    if (nullMx) return out('pass', `${ctx.domain} publishes a null MX (RFC 7505): it accepts no mail, so MTA-STS does not apply.`)
    if (!mxHosts.length) return out('pass', `${ctx.domain} receives no mail (no MX), so MTA-STS does not apply.`)
    if (!stsTxt.length) {
      const rptNote = rptTxt.length ? 'TLS-RPT is set' : 'no TLS-RPT either'
      return out('warn', `No MTA-STS record (${rptNote}): mail to ${ctx.domain} can be downgraded to unencrypted delivery.`)
    }
    if (stsTxt.length > 1) return out('fail', `${stsTxt.length} MTA-STS records at _mta-sts.${ctx.domain}; senders ignore them all.`)
    const url = `https://mta-sts.${ctx.domain}/.well-known/mta-sts.txt`
    let body: string
    try {
      const x = await ctx.services.http.request(url, { signal: ctx.signal, maxBytes: 64 * 1024 })
      extra.push({ kind: 'http.exchange', label: `GET ${url} → ${x.status}`, data: { url, status: x.status, headers: x.headers, body: x.body.toString('utf8').slice(0, 4096) } })
      if (x.status !== 200) return out('fail', `The MTA-STS policy at ${url} answers HTTP ${x.status}; senders cannot use the policy.`)
      body = x.body.toString('utf8')
    } catch (e) {
      return out('fail', `The MTA-STS policy at ${url} cannot be fetched (${(e as Error).message}).`)
    }
    const p = parseStsPolicy(body)
    if (!p.ok) return out('fail', `The MTA-STS policy is invalid: ${p.error}.`)
    details.policy = p.policy
    const uncovered = mxHosts.filter((h) => !p.policy.mx.some((pat) => mxMatches(pat, h)))
    if (p.policy.mode !== 'none' && uncovered.length) return out('fail', `The MTA-STS policy does not list MX ${uncovered.join(', ')}; senders enforcing it will refuse to deliver there.`)
    const warns: string[] = []
    if (p.policy.mode !== 'enforce') warns.push(`mode is ${p.policy.mode}, not enforce`)
    if (!rptTxt.length) warns.push('no TLS-RPT record, so delivery failures go unreported')
    if (warns.length) return out('warn', `MTA-STS is published but ${warns.join('; ')}.`)
    return out('pass', `MTA-STS enforced for ${mxHosts.length} MX host${mxHosts.length === 1 ? '' : 's'}, with TLS reporting.`)
  },
}
