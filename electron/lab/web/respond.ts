import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RedirectSpec, RouteSpec, WebHostSpec } from '../scenario/web-schema'
import { drip, streamGenerated } from './body'
import { expandTarget, parseSize } from './template'
import { overLimit, sendLimited, serveAssistant } from './probes'

/** Everything a request handler needs; `spec` is swapped in place when a fix is applied. */
export interface HostState {
  name: string
  domain: string
  spec: WebHostSpec
  /** Added to every response (the scenario's web.latencyMs and the lab's latency option). */
  baseLatencyMs: number
  /** Paths already seen by the simulated edge cache (MISS once, then HIT). */
  edgeSeen: Set<string>
  timers: Set<NodeJS.Timeout>
  /** Requests received, by "METHOD /path" (what tests assert a probe sent, or did not). */
  counts: Map<string, number>
  /** Request times per rate-limited route. */
  hits: Map<string, number[]>
}

const NOT_FOUND = '<!doctype html><title>Not found</title><h1>404 Not found</h1>\n'

/** Find the route for a path: exact, then the longest `prefix*` route. */
export function findRoute(routes: Record<string, RouteSpec>, path: string): RouteSpec | undefined {
  if (routes[path]) return routes[path]
  const prefixes = Object.keys(routes).filter((k) => k.endsWith('*') && path.startsWith(k.slice(0, -1)))
  prefixes.sort((a, b) => b.length - a.length)
  return prefixes.length ? routes[prefixes[0]] : undefined
}

function authorized(req: IncomingMessage, auth: NonNullable<WebHostSpec['basicAuth']>): boolean {
  const h = req.headers.authorization ?? ''
  const m = /^Basic\s+(.+)$/i.exec(h)
  return !!m && Buffer.from(m[1], 'base64').toString('utf8') === `${auth.user}:${auth.password}`
}

function redirect(res: ServerResponse, r: RedirectSpec, vars: Parameters<typeof expandTarget>[1], extra: Record<string, string>): void {
  res.writeHead(r.status, { ...extra, Location: expandTarget(r.to, vars), 'Content-Length': '0' })
  res.end()
}

/** Handle one request on a lab web host, after the configured latency (and jitter). */
export function handle(st: HostState, scheme: 'http' | 'https', req: IncomingMessage, res: ServerResponse): void {
  const spec = st.spec
  const url = new URL(req.url ?? '/', `${scheme}://${st.name}`)
  const counted = `${req.method ?? 'GET'} ${url.pathname}`
  st.counts.set(counted, (st.counts.get(counted) ?? 0) + 1)
  const route = findRoute(spec.routes, url.pathname)
  const jitter = (route?.jitterMs ?? spec.jitterMs ?? 0) * Math.random()
  const wait = st.baseLatencyMs + (spec.latencyMs ?? 0) + (route?.latencyMs ?? 0) + jitter
  if (wait <= 0) return respond(st, scheme, url, route, req, res)
  const t = setTimeout(() => {
    st.timers.delete(t)
    respond(st, scheme, url, route, req, res)
  }, wait)
  st.timers.add(t)
}

function respond(st: HostState, scheme: 'http' | 'https', url: URL, found: RouteSpec | undefined, req: IncomingMessage, res: ServerResponse): void {
  const spec = st.spec
  if (res.destroyed) return
  const vars = { scheme, host: st.name, domain: st.domain, path: url.pathname, query: url.search }
  const base: Record<string, string> = { Server: 'handover-lab', ...spec.headers }
  if (spec.basicAuth && !authorized(req, spec.basicAuth)) {
    res.writeHead(401, { ...base, 'WWW-Authenticate': `Basic realm="${spec.basicAuth.realm}"`, 'Content-Type': 'text/plain' })
    return void res.end('Authentication required\n')
  }
  // Plain HTTP has its own redirect when given; otherwise the host's redirect applies to both schemes.
  if (scheme === 'http' && typeof spec.http === 'object') return redirect(res, spec.http.redirect, vars, base)
  if (spec.redirect) return redirect(res, spec.redirect, vars, base)
  // A single-page app answers every unknown path with its index page.
  const route = found ?? (spec.spa ? spec.routes['/'] ?? { status: 200, headers: {}, hang: false, body: '<!doctype html><div id="root"></div>' } : undefined)
  if (!route) {
    res.writeHead(404, { ...base, 'Content-Type': 'text/html; charset=utf-8' })
    return void res.end(NOT_FOUND)
  }
  if (route.hang) return // accepted, never answered
  const headers: Record<string, string | string[]> = { ...base, ...route.headers }
  if (route.redirect) return redirect(res, route.redirect, vars, headers as Record<string, string>)
  if (route.rateLimit && overLimit(st.hits, `${scheme}:${url.pathname}`, route.rateLimit)) return sendLimited(res, route.rateLimit, base)
  if (route.ai) return void serveAssistant(req, res, route.ai, base)
  if (route.cache) headers['Cache-Control'] = route.cache
  if (route.setCookie) headers['Set-Cookie'] = route.setCookie
  if (route.edgeCache ?? spec.edgeCache) {
    const key = `${scheme}:${url.pathname}`
    headers['cf-cache-status'] = st.edgeSeen.has(key) ? 'HIT' : 'MISS'
    if (st.edgeSeen.has(key)) headers['Age'] = '42'
    st.edgeSeen.add(key)
  }
  const json = route.json !== undefined ? JSON.stringify(route.json) : undefined
  const text = json ?? route.body
  headers['Content-Type'] ??= route.type ?? (json !== undefined ? 'application/json' : /^\s*</.test(text ?? '') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8')
  const head = req.method === 'HEAD'
  if (route.size !== undefined) {
    const size = parseSize(route.size)
    res.writeHead(route.status, { ...headers, 'Content-Length': String(size) })
    return head ? void res.end() : streamGenerated(res, size)
  }
  const body = Buffer.from(text ?? '', 'utf8')
  res.writeHead(route.status, { ...headers, 'Content-Length': String(body.length) })
  if (head) return void res.end()
  if (route.drip) return drip(res, body, route.drip.chunkBytes, route.drip.intervalMs, st.timers)
  res.end(body)
}
