import { chainEvidence, exchangeEvidence, isHttpError } from '../../net/http'
import type { CheckModule, CheckOutcome } from '../types'
import { isHtml } from './lib/html'
import { hv, withPreflight } from './lib/outcome'

/** robots.txt shuts everyone out: "User-agent: *" followed by "Disallow: /". */
export function robotsDisallowAll(txt: string): boolean {
  let star = false
  for (const raw of txt.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim()
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line)
    if (!m) continue
    const [k, v] = [m[1].toLowerCase(), m[2].trim()]
    if (k === 'user-agent') star = v === '*'
    else if (star && k === 'disallow' && v === '/') return true
  }
  return false
}

const metaNoindex = (html: string) => /<meta[^>]+name\s*=\s*["']?robots["']?[^>]*content\s*=\s*["'][^"']*noindex/i.test(html) || /<meta[^>]+content\s*=\s*["'][^"']*noindex[^>]*name\s*=\s*["']?robots/i.test(html)

export const check: CheckModule = {
  meta: {
    id: 'http.preview',
    title: 'Staging and preview hosts are hidden from search and strangers',
    area: 'http',
    stage: 'caching',
    why: 'An indexed staging site competes with production in search results and leaks unreleased features and test data.',
    fix: 'Protect preview deployments with the host\'s password protection, or send "X-Robots-Tag: noindex" on every response of staging hosts.',
    scope: 'host',
    network: true,
  },
  applies: (_e, host) => host?.role === 'staging' || host?.role === 'preview',
  async run(ctx): Promise<CheckOutcome> {
    const host = ctx.target
    const http = ctx.services.http
    const chain = await http.follow(`https://${host}/`, { signal: ctx.signal, maxBytes: 256 * 1024, maxHops: 5 })
    const evidence = [chainEvidence(`https://${host}/`, chain, true)]
    if (!chain.final) return { status: 'error', summary: `Could not load https://${host}/: ${chain.error?.message ?? 'redirect loop'}`, evidence }
    const x = chain.final
    const details = (d: Record<string, unknown>) => withPreflight({ final: x.url, status: x.status, ...d }, [chain])
    if (x.status === 401 || x.status === 403) return { status: 'pass', summary: `${host} requires authentication (${x.status}).`, details: details({ protection: 'auth' }), evidence }
    if (new URL(x.url).hostname !== host && /login|auth|sso|signin/i.test(x.url)) return { status: 'pass', summary: `${host} redirects strangers to a sign-in page (${new URL(x.url).hostname}).`, details: details({ protection: 'auth-redirect' }), evidence }
    if (chain.hops.some((h) => /noindex/i.test(hv(h, 'x-robots-tag')))) return { status: 'pass', summary: `${host} sends X-Robots-Tag: noindex.`, details: details({ protection: 'x-robots-tag' }), evidence }
    const body = x.body.toString('utf8')
    if (isHtml(hv(x, 'content-type'), body) && metaNoindex(body)) return { status: 'pass', summary: `${host} pages carry <meta name="robots" content="noindex">.`, details: details({ protection: 'meta-robots' }), evidence }
    try {
      const robots = await http.request(`https://${host}/robots.txt`, { signal: ctx.signal, maxBytes: 64 * 1024 })
      evidence.push(exchangeEvidence(`https://${host}/robots.txt`, robots))
      if (robots.status === 200 && robotsDisallowAll(robots.body.toString('utf8'))) return { status: 'pass', summary: `${host}'s robots.txt disallows all crawling.`, details: details({ protection: 'robots.txt' }), evidence }
    } catch (e) {
      if (!isHttpError(e)) throw e
    }
    return { status: 'warn', summary: `${host} is open to anyone and indexable: no auth, no noindex, robots.txt does not block crawlers.`, details: details({ protection: null }), evidence }
  },
}
