import { setTimeout as sleep } from 'node:timers/promises'
import type { HttpExchange } from '../../../net/http'

/**
 * A batch is thrown away when this process's event loop was late by more than this (or a tenth
 * of the pass target, if larger) during it: the answer may have waited on the tool, not the site.
 */
export const BUSY_LOOP_MS = 25
/** Busy batches retaken per route at most before the route is inconclusive. */
export const MAX_BUSY_BATCHES = 12

const TICK_MS = 5

/**
 * How late this process's event loop ran since the last `take()`: a 5 ms timer that notes how
 * far past due it fired. (node's monitorEventLoopDelay drops the interval spanning a reset, so a
 * stall at the start of a batch would go unseen.)
 */
class LoopLag {
  private last = performance.now()
  private worst = 0
  private readonly timer = setInterval(() => {
    const now = performance.now()
    this.worst = Math.max(this.worst, now - this.last - TICK_MS)
    this.last = now
  }, TICK_MS)

  /** Worst lateness (ms) since the previous call, the interval still running included. */
  take(): number {
    const w = Math.max(this.worst, performance.now() - this.last - TICK_MS)
    this.worst = 0
    return w
  }

  stop(): void {
    clearInterval(this.timer)
  }
}

/** What sampling one route gave: server times, connection setups, discarded busy samples. */
export interface Sampled {
  /** Time from request to full response on an open connection (setup taken out), ms. */
  serverMs: number[]
  /** DNS + TCP + TLS of the connections the samples opened, ms. */
  setupMs: number[]
  /** Samples discarded because the tool itself was busy, and the worst loop delay seen then. */
  discarded: number
  worstLoopMs: number
  /** Too few quiet samples could be taken. */
  inconclusive: boolean
  /** Stopped before the maximum: clearly fast or clearly slow already. */
  stoppedEarly: boolean
  /** A 5xx seen while sampling, or the first request error. */
  status5xx?: number
  error?: string
}

export interface SampleOptions {
  /** One request (a keep-alive connection is reused between calls). */
  once: () => Promise<HttpExchange>
  max: number
  min: number
  parallel: number
  /** Targets: stop early once the verdict against both is settled (see `settled`). */
  passMs: number
  warnMs: number
  signal: AbortSignal
}

/**
 * Take up to `max` samples `parallel` at a time while watching this process's event-loop delay;
 * a batch during which the loop was late by more than
 * BUSY_LOOP_MS measured the machine, not the site, and is retaken after a short pause. Bounded:
 * at most `max` kept samples and MAX_BUSY_BATCHES retakes.
 */
export async function sampleQuietly(o: SampleOptions): Promise<Sampled> {
  const r: Sampled = { serverMs: [], setupMs: [], discarded: 0, worstLoopMs: 0, inconclusive: false, stoppedEarly: false }
  const loop = new LoopLag()
  let busy = 0
  try {
    while (r.serverMs.length < o.max && !r.error && !o.signal.aborted) {
      const batch = Math.min(o.parallel, o.max - r.serverMs.length)
      loop.take()
      const got = await Promise.allSettled(Array.from({ length: batch }, o.once))
      const lateMs = loop.take()
      const kept: number[] = []
      for (const g of got) {
        if (g.status === 'rejected') {
          r.error = (g.reason as Error).message
          continue
        }
        const t = g.value.timing
        if (g.value.status >= 500) r.status5xx = g.value.status
        const setup = t.dnsMs + t.connectMs + t.tlsMs
        if (!t.reused) r.setupMs.push(setup)
        kept.push(Math.max(0, t.totalMs - setup))
      }
      if (lateMs > Math.max(BUSY_LOOP_MS, o.passMs / 10) && !r.error) {
        r.discarded += kept.length
        r.worstLoopMs = Math.max(r.worstLoopMs, Math.round(lateMs))
        if (++busy > MAX_BUSY_BATCHES) break
        await sleep(50 * Math.min(busy, 4), undefined, { signal: o.signal }).catch(() => undefined)
        continue
      }
      r.serverMs.push(...kept)
      if (r.serverMs.length >= o.min && settled(r.serverMs, o)) {
        r.stoppedEarly = r.serverMs.length < o.max
        break
      }
    }
  } finally {
    loop.stop()
  }
  r.inconclusive = !r.error && r.serverMs.length < o.min && busy > MAX_BUSY_BATCHES
  return r
}

/** The quantile the verdict is about, and the error allowed when calling a route over a target early. */
const Q = 0.95
const ALPHA = 0.01
/** Under a target with margin: every sample at most this share of it. */
export const UNDER_MARGIN = 2 / 3

/** P(X >= k) for X ~ Binomial(n, p). */
export function binomialTail(n: number, p: number, k: number): number {
  let sum = 0
  let term = (1 - p) ** n
  for (let i = 0; i <= n; i++) {
    if (i >= k) sum += term
    term *= ((n - i) / (i + 1)) * (p / (1 - p))
  }
  return Math.min(1, sum)
}

/** Where the samples put the route's p95 against one target, or undefined while it is open. */
export function side(ms: number[], target: number): 'under' | 'over' | undefined {
  // Over: more samples exceed the target than a p95 at the target would give but once in 100
  // draws (exceedances ~ Binomial(n, 0.05)); a distribution-free bound, so no shape is assumed.
  const over = ms.filter((x) => x > target).length
  if (over > 0 && binomialTail(ms.length, 1 - Q, over) <= ALPHA) return 'over'
  // Under: no sample size this small bounds a p95 from above without assuming a shape (a
  // distribution-free bound needs 90 samples all under), so this side is a margin instead.
  if (Math.max(...ms) <= target * UNDER_MARGIN) return 'under'
  return undefined
}

/**
 * The verdict is settled: the samples put the p95 clearly over the warn target (fail), or clearly
 * under the pass target (pass), or clearly over the pass target and clearly under the warn one
 * (warn). Anything nearer a target samples on, up to the maximum, where the verdict is the
 * plain p95 of the samples.
 */
export function settled(ms: number[], o: { passMs: number; warnMs: number }): boolean {
  const warn = side(ms, o.warnMs)
  if (warn === 'over') return true
  const pass = side(ms, o.passMs)
  return pass === 'under' || (pass === 'over' && warn === 'under')
}
