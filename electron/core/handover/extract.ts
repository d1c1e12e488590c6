import type { ResultRow } from './results'
import { latencyBand } from './drift/normalise'

/**
 * Tolerant readers over check result details (DNS answers for runbooks, observed values for
 * the drift baseline): they look for the usual names and fall back to nothing. The handover's
 * own readers, for the exact shapes the catalog's checks record, live in ./facts/.
 */

type Json = unknown
const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:]+)$/i
const HOSTNAME = /^(?=.{1,253}\.?$)([a-z0-9_](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}\.?$/i
const MAX_WALK = 5000

/** Visit every (key, value) pair under a value, bounded in depth and count. */
function walk(v: Json, visit: (key: string, value: Json) => void, key = '', depth = 0, budget = { n: MAX_WALK }): void {
  if (depth > 12 || budget.n-- <= 0) return
  visit(key, v)
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit, key, depth + 1, budget))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, visit, k, depth + 1, budget)
}

/** DNS answers (addresses and CNAME targets) a dns.hosts-like result reports. */
export function dnsAnswers(r: ResultRow | undefined): string[] {
  if (!r) return []
  const out = new Set<string>()
  walk(r.details, (k, v) => {
    if (typeof v !== 'string' || !/^(a|aaaa|address(es)?|ips?|answers?|records?|cnames?|target|data|value)$/i.test(k)) return
    if (IP.test(v)) out.add(v)
    else if (HOSTNAME.test(v) && /cname|target/i.test(k)) out.add(`CNAME ${v.replace(/\.$/, '')}`)
  })
  return [...out].slice(0, 8)
}

/**
 * The values worth comparing later: leaf values of details by dotted path, without timings
 * and counters that change on every run (durations, samples, days left).
 */
export function observedValues(details: Record<string, unknown>, max = 200): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  const VOLATILE = /(^|\.)(ms|\w*Ms|durationMs|elapsed\w*|latency\w*|p50|p90|p95|p99|samples?|timings?|at|\w+At|time|timestamp|date|daysLeft|days|ttl|age|expires|retryAfter|requestId|id|connectTo|rdapUrl|bootstrap|stats|min|max|mean|avg|median|stddev|discarded)$/
  const rec = (v: unknown, path: string, depth: number) => {
    if (Object.keys(out).length >= max || depth > 8) return
    if (path && VOLATILE.test(path.replace(/\[\d+\]/g, ''))) return
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out[path || '.'] = typeof v === 'string' && v.length > 300 ? v.slice(0, 300) + '…' : v
    } else if (Array.isArray(v)) v.slice(0, 50).forEach((x, i) => rec(x, `${path}[${i}]`, depth + 1))
    else if (typeof v === 'object') for (const k of Object.keys(v as object).sort()) rec((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1)
  }
  rec(details, '', 0)
  Object.assign(out, speedBands(details))
  return out
}

/** http.routes: each route's p95 as a band against the check's targets (milliseconds jitter; bands do not). */
function speedBands(details: Record<string, unknown>): Record<string, string> {
  const t = details.targets as { p95PassMs?: unknown; p95WarnMs?: unknown } | undefined
  if (!t || typeof t.p95PassMs !== 'number' || typeof t.p95WarnMs !== 'number' || !Array.isArray(details.routes)) return {}
  const targets = { p95PassMs: t.p95PassMs, p95WarnMs: t.p95WarnMs }
  const out: Record<string, string> = {}
  details.routes.slice(0, 50).forEach((r: unknown, i) => {
    const p95 = (r as { stats?: { p95?: unknown } } | null)?.stats?.p95
    if (typeof p95 === 'number') out[`routes[${i}].speed`] = latencyBand(p95, targets)
  })
  return out
}
