import { PARALLEL } from '../../electron/core/checks/http/routes'
import { hostNameOf, type Scenario } from '../../electron/lab'
import { handshakeRoundTrips } from '../../electron/lab/web/host'
import { findRoute } from '../../electron/lab/web/respond'

/** One route row of http.routes' details (what the bench reads of it). */
export interface RouteRow {
  url: string
  present: boolean
  status?: number
  error?: string
  /** What the route's connection negotiated (h2 where the host offers it). */
  protocol?: string
  samples: number[]
  setupMs?: number[]
}

/**
 * http.routes' necessary chain on a lab: the routes one after another (the check times the
 * site, one route at a time); per route, its warm-up request, then ceil(samples kept / PARALLEL)
 * rounds of PARALLEL requests; each exchange one round trip plus the route's server time (the
 * host's and route's latencyMs, and half its jitter: the mean); a route that opened a new
 * connection pays TCP and the TLS handshake once (1 + 1 round trips with TLS 1.3). DNS is not
 * counted: the run resolved every name in its first phase and keeps the answers. Samples
 * discarded because this machine was busy are not necessary, so not counted. HTTP/2 changes
 * none of this: ALPN rides in the TLS handshake, the first request goes with the connection
 * preface, and PARALLEL is the sampling rule's, not the protocol's; what it changes is how many
 * connections a host gets (one), which the setup term already reads from the rows.
 */
export function routesChain(rows: RouteRow[], scenario: Scenario, latencyMs: number): { ms: number; steps: string[] } {
  const rtt = latencyMs + (scenario.web.latencyMs ?? 0)
  let ms = 0
  const steps: string[] = []
  for (const row of rows) {
    const u = new URL(row.url)
    const key = Object.keys(scenario.web.hosts).find((k) => hostNameOf(k, scenario.domains) === u.hostname)
    const spec = key ? scenario.web.hosts[key] : undefined
    const route = spec ? findRoute(spec.routes, u.pathname) : undefined
    const server = (spec?.latencyMs ?? 0) + (route?.latencyMs ?? 0) + ((route?.jitterMs ?? spec?.jitterMs ?? 0) / 2)
    const sampled = row.present && !row.error && (row.status ?? 0) < 500
    const exchanges = 1 + (sampled ? Math.ceil(row.samples.length / PARALLEL) : 0)
    const opened = (row.setupMs ?? []).some((x) => x > 0)
    const setup = opened && spec ? (1 + handshakeRoundTrips(spec.tls)) * rtt : 0
    const routeMs = setup + exchanges * (rtt + server)
    ms += routeMs
    steps.push(`${u.host}${u.pathname} (${row.protocol ?? '?'}): ${opened ? `setup ${setup} + ` : ''}${exchanges} × (${rtt} + ${server}) = ${Math.round(routeMs)} ms`)
  }
  return { ms, steps }
}
