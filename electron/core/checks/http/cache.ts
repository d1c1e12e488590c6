import { exchangeData, isHttpError, type HttpExchange } from '../../net/http'
import { judgeFindings, type Finding } from '../findings'
import type { CheckContext, CheckModule, CheckOutcome } from '../types'
import { edgeHit, longCached, personal, sharedCacheable } from './lib/cache'
import { subresources } from './lib/html'
import { hv, withPreflight } from './lib/outcome'
import { canonicalOrError, sameSite } from './lib/site'

const MAX_ASSETS = 6
/** Routes likely to be personal; their responses must never be publicly cacheable. */
const PRIVATE_ROUTES = ['/login', '/signup', '/account', '/api/me']

const safeGet = (ctx: CheckContext, url: string): Promise<HttpExchange | undefined> =>
  ctx.services.http.request(url, { signal: ctx.signal, maxBytes: 256 * 1024 }).catch((e) => {
    if (isHttpError(e)) return undefined
    throw e
  })

export const check: CheckModule = {
  meta: {
    id: 'http.cache',
    title: 'Static assets are long-cached; private responses never are',
    area: 'http',
    stage: 'caching',
    why: 'Caching saves money and time, but a cached response that sets a session cookie can show one user\'s account to the next.',
    fix: 'Fingerprint assets and serve them with "Cache-Control: public, max-age=31536000, immutable"; mark authenticated and API responses "private" or "no-store"; remove "cache everything" rules from auth paths.',
    scope: 'domain',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const got = await canonicalOrError(ctx)
    if ('outcome' in got) return got.outcome
    const { canon } = got
    // The canonical site plus app/API/admin hosts: where session cookies and private pages live.
    const others = ctx.engagement.hosts.filter((h) => ['app', 'api', 'admin'].includes(h.role) && `https://${h.name}` !== canon.origin).map((h) => `https://${h.name}`)
    const pages = [canon.page, ...(await Promise.all(others.map((o) => safeGet(ctx, `${o}/`))))].filter((x): x is HttpExchange => !!x)
    const page = canon.page
    const assetUrls = [...new Set(pages.flatMap((p) => subresources(p.body.toString('utf8'), p.url)).filter((s) => s.url.startsWith('https:') && sameSite(s.url, ctx.domain)).map((s) => s.url))].slice(0, MAX_ASSETS)
    // Each asset twice: the second answer shows whether the edge kept it.
    const assets = await Promise.all(assetUrls.map(async (u) => ({ url: u, first: await safeGet(ctx, u), second: await safeGet(ctx, u) })))
    const routeUrls = [canon.origin, ...others].flatMap((o) => PRIVATE_ROUTES.map((p) => `${o}${p}`))
    const privates = (await Promise.all(routeUrls.map((u) => safeGet(ctx, u)))).filter((x): x is HttpExchange => !!x && x.status !== 404)
    const leaks = [...pages, ...privates, ...assets.flatMap((a) => [a.first, a.second])]
      .filter((x): x is HttpExchange => !!x)
      .map((x) => ({ x, why: personal(x) }))
      .filter(({ x, why }) => why && (sharedCacheable(x) || edgeHit(x)))
    const served = assets.filter((a) => a.first && a.first.status === 200)
    const short = served.filter((a) => !longCached(a.first as HttpExchange))
    const hits = served.filter((a) => a.second && edgeHit(a.second))
    const rows = assets.map((a) => ({ url: a.url, status: a.first?.status ?? null, cacheControl: a.first ? hv(a.first, 'cache-control') : null, longCached: a.first ? longCached(a.first) : false, edgeHitOnRepeat: a.second ? edgeHit(a.second) : false }))
    const leakRows = leaks.map(({ x, why }) => ({ url: x.url, why, cacheControl: hv(x, 'cache-control'), edgeHit: edgeHit(x) }))
    const details = withPreflight({ assets: rows, privateCacheable: leakRows }, [page, ...privates])
    const evidence = [
      { kind: 'http.cache', label: `Caching on ${canon.origin}`, data: { assets: rows, privateCacheable: leakRows } },
      ...leaks.slice(0, 3).map(({ x }) => ({ kind: 'http.exchange', label: `Publicly cacheable personal response ${x.url}`, data: exchangeData(x, false) })),
    ]
    const found: Finding[] = []
    if (leaks.length) {
      const more = leaks.length > 1 ? ` (and ${leaks.length - 1} more)` : ''
      found.push({ status: 'fail', text: `${leaks[0].x.url} ${leaks[0].why} yet is publicly cacheable (${hv(leaks[0].x, 'cache-control') || 'cached at the edge'})${more}` })
    }
    if (short.length) found.push({ status: 'warn', text: `${short.length} of ${served.length} static asset(s) are not long-cached (e.g. ${short[0].url}: "${hv(short[0].first as HttpExchange, 'cache-control') || 'no Cache-Control'}")` })
    else if (served.length && !hits.length) found.push({ status: 'warn', text: 'static assets are long-cached but no edge cache HIT was seen on repeat requests' })
    const passText = served.length
      ? `${served.length} static asset(s) are long-cached with an edge HIT on repeat; no personal response is publicly cacheable`
      : 'No personal response is publicly cacheable; the page references no same-site static assets to judge'
    const { status, summary } = judgeFindings(found, passText)
    return { status, summary: `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`, details, evidence }
  },
}
