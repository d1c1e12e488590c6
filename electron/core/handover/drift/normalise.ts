import type { BaselineCheck } from '../baseline'

type Observed = BaselineCheck['observed']

/**
 * Keys whose value changes on every run or every edge request without anything a founder should
 * hear about: edge cache hits and misses, cache ages, provider token ids, sample counts, samples
 * http.routes threw away because this computer was busy.
 */
const NOISE = /(^|[.\]])(edgeHit|edgeCache\w*|cacheStatus|cf-cache-status|x-cache|age|tokenId|token\.id|samplesPerRoute|discarded)$/i

/**
 * Per check, observed paths another check owns: dns.hosts lists every record at a name (TXT, CAA,
 * MX), but its answer is the addresses and CNAMEs; mail.spf and dns.caa report the rest.
 */
const OWNED_ELSEWHERE: Record<string, RegExp> = { 'dns.hosts': /^records\[\d+\]\./ }

/** A repository given as a folder on this computer: its path says nothing about the client (a clone URL does). */
const localRepoPath = (checkId: string, k: string, v: unknown) => checkId === 'secrets.repo' && /^repositories\[\d+\]\.source$/.test(k) && typeof v === 'string' && !/^https?:\/\//.test(v)

/** OpenSSL prefixes errors with a per-process thread id and appends its own source location. */
const OPENSSL_PID = /\b[0-9A-F]{8,16}:error:/g
const OPENSSL_SOURCE = /:[^:\s]*\.c:\d+:/g

/** One observed string without the parts that differ between two identical runs. */
export function normaliseText(s: string): string {
  return s.replace(OPENSSL_PID, 'error:').replace(OPENSSL_SOURCE, ':').replace(/\s+$/, '')
}

/**
 * Observed values ready to compare: noise keys dropped, error text normalised. `kind` (how a
 * request failed: dns, blocked, …) is dropped because the verdict and summary already carry it.
 */
export function normaliseObserved(checkId: string, observed: Observed): Observed {
  const out: Observed = {}
  const owned = OWNED_ELSEWHERE[checkId]
  for (const [k, v] of Object.entries(observed)) {
    if (k === 'kind' || NOISE.test(k.replace(/\[\d+\]/g, '')) || owned?.test(k) || localRepoPath(checkId, k, v)) continue
    out[k] = typeof v === 'string' ? normaliseText(v) : v
  }
  return out
}

/** The band a p95 latency falls in against the check's own targets (compared instead of milliseconds). */
export function latencyBand(p95: number, targets: { p95PassMs: number; p95WarnMs: number }): string {
  if (p95 <= targets.p95PassMs) return 'within target'
  return p95 <= targets.p95WarnMs ? 'over target' : 'over the limit'
}
