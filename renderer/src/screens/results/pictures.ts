import type { CheckResultInfo } from '@shared/contract/checks'

/** One host's resolution path for the DNS map: host → CNAMEs → addresses. */
export interface DnsPath {
  host: string
  cnames: string[]
  addresses: string[]
  status: string
}

/** One entry URL's redirect path for the redirect map. */
export interface RedirectPath {
  entry: string
  hops: number
  final: string | null
  status: number | null
  problem: string | null
}

/** One route's latency samples for the histogram. */
export interface RouteLatency {
  url: string
  samples: number[]
  p95: number | null
}

export interface Histogram {
  /** Bucket lower bounds in ms, equal width. */
  edges: number[]
  width: number
  counts: number[]
  max: number
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const strs = (v: unknown): string[] => arr(v).map(String)

/** DNS map rows from the latest dns.hosts results, sorted by host. */
export function dnsPaths(results: CheckResultInfo[]): DnsPath[] {
  return results
    .filter((r) => r.checkId === 'dns.hosts')
    .map((r) => ({ host: String(r.details.host ?? r.target), cnames: strs(r.details.cnames), addresses: strs(r.details.addresses), status: r.status }))
    .sort((a, b) => a.host.localeCompare(b.host))
}

/** Redirect map rows from the latest http.canonical result, plus its canonical origin. */
export function redirectPaths(results: CheckResultInfo[]): { canonical: string | null; paths: RedirectPath[] } {
  const r = results.find((x) => x.checkId === 'http.canonical')
  if (!r) return { canonical: null, paths: [] }
  const paths = arr(r.details.entries).map((e) => {
    const o = (e ?? {}) as Record<string, unknown>
    const problem = o.loop ? 'redirect loop' : o.tooManyHops ? 'too many hops' : typeof o.error === 'string' ? o.error : null
    return { entry: String(o.entry ?? ''), hops: Number(o.hops ?? 0), final: typeof o.final === 'string' ? o.final : null, status: typeof o.status === 'number' ? o.status : null, problem }
  })
  return { canonical: typeof r.details.canonical === 'string' ? r.details.canonical : null, paths }
}

/** Latency samples per route from the latest http.routes result, with the p95 thresholds. */
export function routeLatencies(results: CheckResultInfo[]): { routes: RouteLatency[]; passMs: number | null; warnMs: number | null } {
  const r = results.find((x) => x.checkId === 'http.routes')
  if (!r) return { routes: [], passMs: null, warnMs: null }
  const t = (r.details.targets ?? {}) as Record<string, unknown>
  const routes = arr(r.details.routes)
    .map((x) => (x ?? {}) as Record<string, unknown>)
    .filter((x) => x.present !== false)
    .map((x) => {
      const stats = (x.stats ?? {}) as Record<string, unknown>
      return { url: String(x.url ?? ''), samples: arr(x.samples).filter((n): n is number => typeof n === 'number'), p95: typeof stats.p95 === 'number' ? stats.p95 : null }
    })
  return { routes, passMs: typeof t.p95PassMs === 'number' ? t.p95PassMs : null, warnMs: typeof t.p95WarnMs === 'number' ? t.p95WarnMs : null }
}

/**
 * Equal-width buckets from 0 to the slowest sample (at least 1 ms wide), or to `topMs` when
 * several histograms share one scale (the slowest sample of all of them).
 */
export function histogram(samples: number[], buckets = 12, topMs?: number): Histogram {
  const top = Math.max(1, topMs ?? 0, ...samples)
  const width = Math.max(1, Math.ceil(top / buckets))
  const counts = Array.from({ length: buckets }, () => 0)
  for (const s of samples) counts[Math.min(buckets - 1, Math.floor(Math.max(0, s) / width))]++
  return { edges: counts.map((_, i) => i * width), width, counts, max: Math.max(0, ...counts) }
}

/** The slowest sample of every route: the one x scale the compared histograms share. */
export function sharedTop(routes: readonly RouteLatency[]): number {
  return Math.max(1, ...routes.flatMap((r) => r.samples))
}

/**
 * How a p95 stands against its target: well under it (under 80 %), near it (80–100 %), or over
 * it. Without a target there is nothing to judge (neutral).
 */
export function p95Standing(p95: number, passMs: number | null): 'under' | 'near' | 'over' | 'neutral' {
  if (passMs === null) return 'neutral'
  return p95 > passMs ? 'over' : p95 > 0.8 * passMs ? 'near' : 'under'
}
