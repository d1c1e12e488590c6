import { isHttpError, type HttpExchange } from '../../net/http'
import type { CheckContext, CheckModule, CheckOutcome, CheckStatus } from '../types'
import { withPreflight, worst } from './lib/outcome'
import { canonicalOrError } from './lib/site'
import { sampleQuietly } from './lib/sampler'
import { summarize } from './lib/stats'

/** Key routes guessed on the canonical host; all but "/" are skipped when they 404. */
export const DEFAULT_ROUTES = ['/', '/login', '/signup', '/api/health']
/** Samples per route at most (fewer when the result is clear early), and how many run at once. */
export const SAMPLES = 20
/** Samples per run at most: with many configured routes each gets fewer (never under MIN_SAMPLES). */
export const SAMPLE_BUDGET = 200
export const MIN_SAMPLES = 8
/** Health routes tried on hosts declared as API hosts (404s are skipped). */
export const API_ROUTES = ['/health', '/api/health']
/** Requests in flight per route while sampling. */
export const PARALLEL = 2

interface RouteResult {
  url: string
  /** Named in the engagement's key routes (a 404 is then reported, not skipped). */
  configured: boolean
  present: boolean
  status?: number
  error?: string
  /** What the warm-up's connection negotiated: h2 (samples multiplexed on it) or http/1.1. */
  protocol?: 'h2' | 'http/1.1'
  /** Server time per kept sample (request to full response on an open connection), ms. */
  samples: number[]
  /** Connection setup (DNS + TCP + TLS) of each new connection, reported apart, ms. */
  setupMs?: number[]
  /** Samples thrown away because this computer was busy, and the worst event-loop delay then. */
  discarded?: number
  busyLoopMs?: number
  inconclusive?: boolean
  stoppedEarly?: boolean
  stats?: ReturnType<typeof summarize>
}

async function sample(ctx: CheckContext, url: string, configured: boolean, max: number): Promise<RouteResult> {
  const http = ctx.services.http
  // HTTP/2 where the site offers it: a returning visitor's browser would use it, and the samples
  // share one connection per host. Timing reads no HTTP/1.1 framing, so it is safe here.
  const once = () => http.request(url, { signal: ctx.signal, maxBytes: 512 * 1024, http2: true })
  let first: HttpExchange
  try {
    first = await once()
  } catch (e) {
    if (isHttpError(e)) return { url, configured, present: true, error: e.message, samples: [] }
    throw e
  }
  // The first request is a warm-up: it pays for DNS, TCP and TLS, which a returning visitor does not.
  const r: RouteResult = { url, configured, present: !(first.status === 404 || first.status === 410), status: first.status, protocol: first.protocol, samples: [] }
  if (!r.present || first.status >= 500) return r
  const { p95PassMs, p95WarnMs } = ctx.thresholds
  const got = await sampleQuietly({ once, max, min: MIN_SAMPLES, parallel: PARALLEL, passMs: p95PassMs, warnMs: p95WarnMs, signal: ctx.signal })
  const t = first.timing
  Object.assign(r, {
    samples: got.serverMs,
    setupMs: [t.dnsMs + t.connectMs + t.tlsMs, ...got.setupMs],
    discarded: got.discarded,
    busyLoopMs: got.worstLoopMs,
    inconclusive: got.inconclusive,
    stoppedEarly: got.stoppedEarly,
  })
  if (got.status5xx) r.status = got.status5xx
  if (got.error) r.error = got.error
  if (r.samples.length) r.stats = summarize(r.samples)
  return r
}

export const check: CheckModule = {
  meta: {
    id: 'http.routes',
    title: 'Key routes answer fast (p95 within target)',
    area: 'http',
    stage: 'caching',
    why: 'Every extra 100 ms on the landing and signup pages measurably lowers conversion; an erroring login loses customers outright.',
    fix: 'Cache static pages at the edge, move heavy work off the request path, and add indexes for the slowest queries; fix any route answering 5xx first. A key route that answers 404 is broken or was renamed: fix the link, or update the route in the engagement\'s check settings.',
    byHand: { command: 'for i in $(seq 20); do curl -s -o /dev/null -w \'%{time_total}\\n\' https://{domain}/; done | sort -n | tail -2 | head -1', expect: 'a number under 0.3 (seconds): the 95th percentile of twenty requests' },
    scope: 'domain',
    network: true,
    timeoutMs: 60_000,
    phase: 'timing',
  },
  async run(ctx): Promise<CheckOutcome> {
    const got = await canonicalOrError(ctx)
    if ('outcome' in got) return got.outcome
    const { canon } = got
    const { p95PassMs, p95WarnMs } = ctx.thresholds
    // API hosts answer health on their own name too.
    const api = ctx.engagement.hosts.filter((h) => h.role === 'api').flatMap((h) => API_ROUTES.map((p) => `https://${h.name}${p}`))
    // "/" first, then the consultant's key routes, then the built-in guesses (a 404 there is skipped).
    const mine = new Set((ctx.engagement.routes ?? []).map((p) => `${canon.origin}${p}`))
    const urls = [...new Set([`${canon.origin}/`, ...mine, ...DEFAULT_ROUTES.map((p) => `${canon.origin}${p}`), ...api])]
    const perRoute = Math.min(SAMPLES, Math.max(MIN_SAMPLES, Math.floor(SAMPLE_BUDGET / urls.length)))
    // One route after another, PARALLEL requests at a time: the site is timed, not a queue in this process.
    const routes: RouteResult[] = []
    // A route the machine was too busy to time ends the sampling: the rest would only wait as long.
    for (const u of urls) {
      if (routes.some((r) => r.inconclusive)) routes.push({ url: u, configured: mine.has(u), present: true, samples: [], inconclusive: true, discarded: 0 })
      else routes.push(await sample(ctx, u, mine.has(u), perRoute))
    }
    const measured = routes.filter((r) => r.present)
    let status = 'pass' as CheckStatus
    const notes: string[] = []
    for (const r of routes.filter((x) => x.configured && !x.present)) {
      status = worst(status, 'fail')
      notes.push(`${r.url.replace(/^https:\/\//, '')} answers ${r.status} (a configured key route)`)
    }
    for (const r of measured) {
      const path = r.url.replace(/^https:\/\//, '')
      if (r.error) {
        status = worst(status, r.url === `${canon.origin}/` && !r.samples.length ? 'error' : 'fail')
        notes.push(`${path} failed (${r.error})`)
      } else if ((r.status ?? 0) >= 500) {
        status = worst(status, 'fail')
        notes.push(`${path} answers ${r.status}`)
      } else if (r.inconclusive) {
        // Never "slow": the tool could not get a quiet moment to time the site.
        status = worst(status, 'error')
        notes.push(r.discarded ? `${path} inconclusive: this computer was busy (${r.discarded} samples discarded, event loop ${r.busyLoopMs} ms late)` : `${path} not timed (this computer was busy)`)
      } else if (r.stats && r.stats.p95 > p95WarnMs) {
        status = worst(status, 'fail')
        notes.push(`${path} p95 ${r.stats.p95} ms`)
      } else if (r.stats && r.stats.p95 > p95PassMs) {
        status = worst(status, 'warn')
        notes.push(`${path} p95 ${r.stats.p95} ms`)
      }
    }
    const rows = routes.map((r) => ({ ...r }))
    const details = withPreflight({ targets: { p95PassMs, p95WarnMs }, samplesPerRoute: perRoute, routes: rows }, [canon.page])
    const evidence = [{ kind: 'http.routes', label: `Route timings on ${canon.origin}`, data: rows }]
    const worstP95 = Math.max(0, ...measured.map((r) => r.stats?.p95 ?? 0))
    const summary =
      status === 'pass'
        ? `${measured.length} route(s) answer with p95 ≤ ${worstP95} ms (target ${p95PassMs} ms).`
        : `${notes.join('; ')} (targets: p95 ≤ ${p95PassMs} ms, ${p95WarnMs} ms at most).`
    return { status, summary, details, evidence }
  },
}
