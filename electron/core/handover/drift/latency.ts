import type { DriftChange } from './classify'

/** Bands of http.routes' p95, best first (see latencyBand). */
const BANDS = ['within target', 'over target', 'over the limit']

/**
 * How far past a band's edge a p95 must land before the move counts: one slow sample on a busy
 * night is not a slower site, half again the edge is.
 */
const JITTER = 1.5

interface RouteDetails {
  targets?: { p95PassMs?: number; p95WarnMs?: number }
  routes?: { stats?: { p95?: number } }[]
}

/**
 * Latency compared in bands against the target: +1 when a route moved to a slower band by more
 * than jitter, -1 when routes only got faster by more than jitter, 0 when every band move is
 * jitter, null when something other than speed changed (a route's status, an error).
 */
export function speedShift(values: DriftChange[], details: Record<string, unknown>): number | null {
  if (!values.length || values.some((c) => !c.path?.endsWith('.speed'))) return null
  const d = details as RouteDetails
  const edges = [d.targets?.p95PassMs ?? 300, d.targets?.p95WarnMs ?? 500]
  let shift = 0
  for (const c of values) {
    const from = BANDS.indexOf(c.before)
    const to = BANDS.indexOf(c.after)
    const p95 = d.routes?.[Number(/\[(\d+)\]/.exec(c.path ?? '')?.[1])]?.stats?.p95
    if (from < 0 || to < 0 || typeof p95 !== 'number') return null
    if (to > from && p95 > edges[from] * JITTER) return 1
    if (to < from && p95 <= edges[to] / JITTER) shift = -1
  }
  return shift
}
