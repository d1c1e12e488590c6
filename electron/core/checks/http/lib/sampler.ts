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
  /** Targets: stop early when every quiet sample is under half the pass target, or all over the warn target. */
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
      if (r.serverMs.length >= o.min && clearly(r.serverMs, o)) {
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

/** The samples leave no doubt which side of the targets the p95 falls. */
function clearly(ms: number[], o: SampleOptions): boolean {
  return Math.max(...ms) < o.passMs / 2 || Math.min(...ms) > o.warnMs
}
