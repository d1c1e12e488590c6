import type { ProbeEndpoint, ProbeLimits } from '@shared/schemas/probes'
import { exchangeData } from '../../../net/http/evidence'
import type { HttpExchange } from '../../../net/http/types'
import { pause, placeholderValues, probeRequest } from '../../../probes/payload'
import type { CheckContext } from '../../types'
import { limitSignal, retryAfterSeconds, type LimitSignal } from './limited'

/** One request of a burst as evidence: what was sent, when, and the status that came back. */
export interface BurstRequest {
  n: number
  /** Milliseconds after the burst began. */
  atMs: number
  sent: string
  status?: number
  retryAfter?: number
  signal?: LimitSignal
  error?: string
}

export interface BurstResult {
  endpoint: ProbeEndpoint
  requests: BurstRequest[]
  /** The request that met the limit, if any. */
  limitedAt?: BurstRequest
  /** The exchange that met the limit (or the last one), for its headers and body excerpt. */
  last?: Record<string, unknown>
  error?: string
}

const firstLine = (m: string) => m.split('\n')[0].trim().slice(0, 160)

/**
 * Send a bounded burst to one endpoint: at most `limits.maxRequests` requests (never more than
 * 30), paced to at most `limits.perSecond` per second, one at a time, stopping at the first 429,
 * lockout or CAPTCHA, at a network error, or when the check's signal aborts.
 */
export async function burst(ctx: CheckContext, ep: ProbeEndpoint, limits: ProbeLimits): Promise<BurstResult> {
  const max = Math.min(limits.maxRequests, 30)
  const gapMs = 1000 / Math.min(limits.perSecond, 10)
  const requests: BurstRequest[] = []
  const t0 = performance.now()
  let x: HttpExchange | undefined
  for (let n = 1; n <= max && !ctx.signal.aborted; n++) {
    // Pace by start times: request n never starts before (n-1) gaps have passed.
    await pause(t0 + (n - 1) * gapMs - performance.now(), ctx.signal)
    if (ctx.signal.aborted) break
    const req = probeRequest(ep, placeholderValues(n))
    const r: BurstRequest = { n, atMs: Math.round(performance.now() - t0), sent: req.body ?? '' }
    requests.push(r)
    try {
      x = await ctx.services.http.request(ep.url, { ...req, signal: ctx.signal, maxBytes: 32 * 1024 })
    } catch (e) {
      r.error = firstLine((e as Error).message)
      return { endpoint: ep, requests, error: r.error }
    }
    r.status = x.status
    const signal = limitSignal(x)
    const retry = retryAfterSeconds(x)
    if (retry !== undefined) r.retryAfter = retry
    if (signal) {
      r.signal = signal
      return { endpoint: ep, requests, limitedAt: r, last: exchangeData(x) }
    }
  }
  return { endpoint: ep, requests, ...(x ? { last: exchangeData(x) } : {}), ...(ctx.signal.aborted ? { error: 'stopped: the check ran out of time' } : {}) }
}
