import { randomBytes } from 'node:crypto'
import { recordDns, txtOf } from '../dns/lib/evidence'
import type { CheckModule } from '../types'
import { parseDkimKey, type DkimKey } from './dkim/parse'
import { COMMON_SELECTORS, PROVIDERS } from './dkim/selectors'
import { spfSendsNone } from './sending'
import { isSpfRecord } from './spf/parse'

interface Found {
  selector: string
  key?: DkimKey
  error?: string
  /** The record as published, to recognise a wildcard's answer. */
  text?: string
}

/** What a found record amounts to, in a few words. */
const state = (f: Found) => f.error ?? (f.key?.revoked ? 'revoked' : `${f.key?.bits} bits`)

/** mail.dkim: a valid, strong, non-test DKIM key for the domain's sending provider. */
export const check: CheckModule = {
  meta: {
    id: 'mail.dkim',
    title: 'DKIM keys',
    area: 'mail',
    stage: 'security',
    why: 'DKIM signatures prove your emails are really yours; without a valid key, DMARC fails and mail goes to spam.',
    fix: 'Turn on DKIM signing at your mail provider and publish the TXT (or CNAME) record it gives you at <selector>._domainkey.<domain>; use 2048-bit keys and remove t=y. If your provider signs with a selector the check does not guess, add it (the part before ._domainkey) to the engagement\'s check settings.',
    byHand: { command: 'dig +short TXT <selector>._domainkey.{domain}', expect: 'one record "v=DKIM1; k=rsa; p=…" with a long key (the selector is the one your mail provider gave you)' },
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
    // The consultant's selectors first, then the sending providers', then common guesses.
    const mine = ctx.engagement.dkimSelectors ?? []
    const selectors = [...new Set([...mine, ...providers.flatMap((p) => p.selectors), ...COMMON_SELECTORS])]
    let found: Found[] = []
    // A selector no one uses: if it answers, a wildcard *._domainkey answers every guess alike.
    const probe = `hc-${randomBytes(5).toString('hex')}`
    await Promise.all(
      [...selectors, probe].map(async (selector) => {
        try {
          const r = await dns.lookup(`${selector}._domainkey.${ctx.domain}`, 'TXT', o)
          const texts = r.records.map((x) => txtOf(x.data))
          if (!texts.length) return
          const text = texts.join('')
          const p = parseDkimKey(text)
          found.push(p.ok ? { selector, key: p.key, text } : { selector, error: p.error, text })
        } catch (e) {
          if (mine.includes(selector)) found.push({ selector, error: (e as Error).message })
        }
      }),
    )
    const wildcard = found.find((f) => f.selector === probe)
    // The wildcard's answers count once, as "*"; a configured selector is always reported by name.
    if (wildcard) found = [...found.filter((f) => f.text !== wildcard.text || mine.includes(f.selector)), { ...wildcard, selector: '*' }].filter((f) => f.selector !== probe)
    found.sort((a, b) => a.selector.localeCompare(b.selector))
    const usable = found.filter((f) => f.key && !f.key.revoked && (f.key.bits ?? 2048) >= 1024)
    const details = { providers: providers.map((p) => p.name), configured: mine, selectorsTried: selectors.length, wildcard: !!wildcard, found: found.map((f) => ({ selector: f.selector, error: f.error, k: f.key?.k, bits: f.key?.bits, revoked: f.key?.revoked, testing: f.key?.testing })) }
    const out = (status: 'pass' | 'warn' | 'fail' | 'skip', summary: string) => ({ status, summary, details, evidence: evidence() })
    if (spfSendsNone(spf) && !mine.length && !usable.length) {
      // A domain that sends nothing needs no key; revoked records (often a wildcard) say the same thing.
      const revoked = found.filter((f) => f.key?.revoked).map((f) => (f.selector === '*' ? 'a wildcard *._domainkey' : f.selector))
      const also = revoked.length ? `; its revoked DKIM record${revoked.length === 1 ? '' : 's'} (${revoked.join(', ')}) ${revoked.length === 1 ? 'makes' : 'make'} sure nothing can be signed as it` : ''
      return out('pass', `${ctx.domain} sends no mail (SPF "-all"), so no DKIM key is needed${also}.`)
    }
    const at = (selector: string) => found.find((f) => f.selector === selector)
    const isUsable = (selector: string) => usable.some((f) => f.selector === selector)
    if (mine.length && !mine.some(isUsable)) {
      // The consultant named the selectors the mail is signed with: none of them works.
      const seen = mine.map((s) => `${s}: ${at(s) ? state(at(s)!) : 'no record'}`).join(', ')
      const elsewhere = usable.filter((f) => !mine.includes(f.selector)).map((f) => f.selector)
      const also = elsewhere.length ? ` A key exists at ${elsewhere.join(', ')}, which is not configured.` : ''
      return out('fail', `No valid DKIM key at ${mine.join(', ')} (configured; ${seen}): mail signed with ${mine.length === 1 ? 'it' : 'them'} fails DKIM.${also}`)
    }
    const providerSelectors = new Set([...mine, ...providers.flatMap((p) => p.selectors)])
    const forProvider = providerSelectors.size ? usable.filter((f) => providerSelectors.has(f.selector)) : usable
    const who = providers.length ? providers.map((p) => p.name).join(', ') : 'the domain'
    if (!forProvider.length && !found.length) {
      return out('fail', `No DKIM key for ${who} at any of the ${selectors.length} selectors tried: turn on DKIM signing, or add the selector your mail is signed with to the engagement's check settings.`)
    }
    if (!forProvider.length) {
      return out('fail', `No valid DKIM key for ${who} (found: ${found.map((f) => `${f.selector}: ${state(f)}`).join(', ')}): its mail cannot pass DKIM.`)
    }
    const warns: string[] = []
    const unusable = mine.filter((s) => !isUsable(s) && !at(s)?.error)
    if (unusable.length) warns.push(`configured ${unusable.map((s) => `${s} ${at(s) ? `is ${state(at(s)!)}` : 'has no record'}`).join(', ')}`)
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
