import { recordDns, txtOf } from '../dns/lib/evidence'
import type { CheckModule } from '../types'
import { parseDkimKey, type DkimKey } from './dkim/parse'
import { COMMON_SELECTORS, PROVIDERS } from './dkim/selectors'
import { isSpfRecord } from './spf/parse'

interface Found {
  selector: string
  key?: DkimKey
  error?: string
}

/** Selectors configured for an engagement (a scenario or a person may add `dkimSelectors`). */
function configured(e: unknown): string[] {
  const s = (e as { dkimSelectors?: unknown }).dkimSelectors
  return Array.isArray(s) ? s.map(String) : []
}

/** mail.dkim: a valid, strong, non-test DKIM key for the domain's sending provider. */
export const check: CheckModule = {
  meta: {
    id: 'mail.dkim',
    title: 'DKIM keys',
    area: 'mail',
    stage: 'security',
    why: 'DKIM signatures prove your emails are really yours; without a valid key, DMARC fails and mail goes to spam.',
    fix: 'Turn on DKIM signing at your mail provider and publish the TXT (or CNAME) record it gives you at <selector>._domainkey.<domain>; use 2048-bit keys and remove t=y.',
    runbook: 'email-not-delivered',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const o = { signal: ctx.signal }
    const spf = (await dns.lookup(ctx.domain, 'TXT', o)).records.map((r) => txtOf(r.data)).find(isSpfRecord) ?? ''
    const includes = [...spf.matchAll(/(?:^|\s)[+~?-]?include:(\S+)/gi)].map((m) => m[1].toLowerCase())
    const providers = PROVIDERS.filter((p) => includes.some((i) => p.include.test(i)))
    const selectors = [...new Set([...configured(ctx.engagement), ...providers.flatMap((p) => p.selectors), ...COMMON_SELECTORS])]
    const found: Found[] = []
    await Promise.all(
      selectors.map(async (selector) => {
        try {
          const r = await dns.lookup(`${selector}._domainkey.${ctx.domain}`, 'TXT', o)
          const texts = r.records.map((x) => txtOf(x.data))
          if (!texts.length) return
          const p = parseDkimKey(texts.join(''))
          found.push(p.ok ? { selector, key: p.key } : { selector, error: p.error })
        } catch (e) {
          if (configured(ctx.engagement).includes(selector)) found.push({ selector, error: (e as Error).message })
        }
      }),
    )
    found.sort((a, b) => a.selector.localeCompare(b.selector))
    const usable = found.filter((f) => f.key && !f.key.revoked && (f.key.bits ?? 2048) >= 1024)
    const details = { providers: providers.map((p) => p.name), selectorsTried: selectors.length, found: found.map((f) => ({ selector: f.selector, error: f.error, k: f.key?.k, bits: f.key?.bits, revoked: f.key?.revoked, testing: f.key?.testing })) }
    const out = (status: 'pass' | 'warn' | 'fail' | 'skip', summary: string) => ({ status, summary, details, evidence: evidence() })
    if (/^v=spf1\s+-all\s*$/i.test(spf) && !found.length) return out('skip', `${ctx.domain} sends no mail (SPF "-all"), so no DKIM key is needed.`)
    const providerSelectors = new Set([...configured(ctx.engagement), ...providers.flatMap((p) => p.selectors)])
    const forProvider = providerSelectors.size ? usable.filter((f) => providerSelectors.has(f.selector)) : usable
    const who = providers.length ? providers.map((p) => p.name).join(', ') : 'the domain'
    if (!forProvider.length) {
      const why = found.length ? ` (found: ${found.map((f) => `${f.selector}: ${f.error ?? (f.key?.revoked ? 'revoked' : `${f.key?.bits} bits`)}`).join(', ')})` : ''
      return out('fail', `No valid DKIM key for ${who}${why}: its mail cannot pass DKIM.`)
    }
    const warns: string[] = []
    for (const f of forProvider) {
      if (f.key?.testing) warns.push(`${f.selector} is in test mode (t=y): receivers treat signatures as unsigned`)
      if (f.key?.k === 'rsa' && (f.key.bits ?? 2048) < 2048) warns.push(`${f.selector} is a ${f.key.bits}-bit RSA key; use 2048 bits`)
    }
    const bad = found.filter((f) => f.error)
    if (bad.length) warns.push(`${bad.map((f) => f.selector).join(', ')} ${bad.length === 1 ? 'has' : 'have'} an invalid record`)
    if (warns.length) return out('warn', `DKIM works for ${who}, but ${warns.join('; ')}.`)
    return out('pass', `Valid DKIM key${forProvider.length === 1 ? '' : 's'} for ${who}: ${forProvider.map((f) => `${f.selector} (${f.key?.k}${f.key?.bits ? ` ${f.key.bits}` : ''})`).join(', ')}.`)
  },
}
