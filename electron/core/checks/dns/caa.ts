import { getPublicSuffix } from 'tldts'
import type { CheckModule } from '../types'
import { normName, recordDns } from './lib/evidence'
import { caaPermits, peekIssuer } from './lib/issuer'

interface Caa {
  flags: number
  tag: string
  value: string
}

/** dns.caa: CAA present, and permitting the CA that issued the certificate in use. */
export const check: CheckModule = {
  meta: {
    id: 'dns.caa',
    title: 'CAA records',
    area: 'dns',
    stage: 'security',
    why: 'CAA limits which certificate authorities may issue certificates for your domain, and a wrong one blocks your own renewals.',
    fix: 'Publish a CAA record (issue) naming the certificate authority you use, e.g. 0 issue "letsencrypt.org", plus iodef for reports.',
    byHand: { command: 'dig +short CAA {domain}', expect: 'a line like 0 issue "letsencrypt.org" naming the authority that issues your certificates (no output: any authority may issue)' },
    runbook: 'certificate-expiry',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const o = { signal: ctx.signal }
    // RFC 8659 §3: climb from the domain towards the public suffix; the first CAA RRset found applies.
    const suffix = getPublicSuffix(ctx.domain, { allowPrivateDomains: true }) ?? ''
    let at = ''
    let records: Caa[] = []
    for (let name = ctx.domain; name && name !== suffix; name = name.slice(name.indexOf('.') + 1)) {
      const r = await dns.lookup(name, 'CAA', o)
      if (r.records.length) {
        at = name
        records = r.records.map((x) => x.data as Caa)
        break
      }
      if (!name.includes('.')) break
    }
    const issue = records.filter((r) => r.tag.toLowerCase() === 'issue')
    let host = ctx.domain
    let issuer = await peekIssuer(ctx.services.tls, host, ctx.signal)
    const www = ctx.engagement.hosts.find((h) => h.name === `www.${ctx.domain}`)
    if (issuer.error && www) issuer = await peekIssuer(ctx.services.tls, (host = www.name), ctx.signal)
    const details = { caaAt: at || null, records, issuer }
    const out = (status: 'pass' | 'warn' | 'fail', summary: string) => ({ status, summary, details, evidence: [...evidence(), { kind: 'tls.issuer', label: `certificate issuer on ${host}`, data: issuer }] })
    if (!records.length) return out('warn', `No CAA record: any certificate authority may issue certificates for ${ctx.domain}.`)
    if (!issue.length) return out('pass', `CAA at ${at} restricts only wildcard issuance or reporting.`)
    const names = issue.map((r) => normName(r.value.split(';')[0].trim())).filter(Boolean)
    if (!names.length) return out(issuer.error ? 'warn' : 'fail', `CAA at ${at} forbids every certificate authority; certificates cannot be renewed.`)
    if (issuer.error || (!issuer.organization && !issuer.commonName)) {
      return out('pass', `CAA at ${at} allows ${names.join(', ')} (the certificate issuer could not be read: ${issuer.error ?? 'unknown'}).`)
    }
    const who = issuer.organization ?? issuer.commonName
    if (!issue.some((r) => caaPermits(r.value, issuer))) {
      return out('fail', `CAA at ${at} allows only ${names.join(', ')}, but the certificate in use comes from ${who}: its renewal will be refused.`)
    }
    return out('pass', `CAA at ${at} allows ${names.join(', ')}, which includes the current issuer (${who}).`)
  },
}
