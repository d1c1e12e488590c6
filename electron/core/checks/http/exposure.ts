import { createHash, randomBytes } from 'node:crypto'
import { isHttpError, type HttpExchange } from '../../net/http'
import type { CheckModule, CheckOutcome } from '../types'
import { envNames, isSourceMap, PROBES } from './lib/exposure'
import { subresources } from './lib/html'
import { withPreflight } from './lib/outcome'

const CAP = 256 * 1024
const hash = (x: HttpExchange) => createHash('sha256').update(x.body).digest('hex')

export const check: CheckModule = {
  meta: {
    id: 'http.exposure',
    title: 'No secrets files, git internals, source maps or debug pages are served',
    area: 'http',
    stage: 'security',
    why: 'A served .env or .git folder hands attackers your database and API keys; it is the first thing scanners try.',
    fix: 'Stop deploying these files (check the build output and .dockerignore/.vercelignore), block dot-paths at the server or CDN, then rotate any key that was exposed.',
    byHand: { command: 'curl -s -o /dev/null -w "%{http_code}\\n" https://{domain}/.env', expect: '404 (or 403), never 200, and the same for /.git/config' },
    runbook: 'key-leaked',
    scope: 'host',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const origin = `https://${ctx.target}`
    const http = ctx.services.http
    const get = (path: string) => http.request(`${origin}${path}`, { signal: ctx.signal, maxBytes: CAP })
    let baseline: HttpExchange
    let home: HttpExchange | undefined
    try {
      // A path that cannot exist: what the site serves for "not found" (an SPA answers 200 here).
      baseline = await get(`/handover-missing-${randomBytes(6).toString('hex')}`)
      home = await get('/').catch(() => undefined)
    } catch (e) {
      if (isHttpError(e)) return { status: 'error', summary: `Could not reach ${origin}: ${e.message}` }
      throw e
    }
    const catchAll = baseline.status === 200
    const maps = home ? subresources(home.body.toString('utf8'), home.url).filter((s) => s.tag === 'script' && s.url.startsWith(`${origin}/`)).slice(0, 3) : []
    const targets = [...PROBES.map((p) => ({ path: p.path, what: p.what, matches: p.matches })), ...maps.map((m) => ({ path: `${new URL(m.url).pathname}.map`, what: 'JavaScript source map', matches: isSourceMap }))]
    const results = await Promise.all(
      targets.map(async (t) => {
        try {
          const x = await get(t.path)
          const body = x.body.toString('utf8')
          // Served for real: 200, not the catch-all page, and the content looks like the real file.
          const exposed = x.status === 200 && !(catchAll && hash(x) === hash(baseline)) && t.matches(body)
          // An exposed .env: the names of what it holds (to rotate), never the values.
          const names = exposed && t.path.endsWith('.env') ? envNames(body) : undefined
          return { path: t.path, what: t.what, status: x.status, bytes: x.bodyBytes, exposed, ...(names ? { names } : {}), x }
        } catch (e) {
          if (!isHttpError(e)) throw e
          return { path: t.path, what: t.what, status: null, bytes: 0, exposed: false, error: e.message }
        }
      }),
    )
    const exposed = results.filter((r) => r.exposed)
    const errors = results.filter((r) => 'error' in r)
    // Evidence never keeps these bodies: an exposed .env is full of secrets.
    const rows = results.map((r) => ({ path: r.path, what: r.what, status: r.status, bytes: r.bytes, exposed: r.exposed, ...('names' in r ? { names: r.names } : {}), ...('error' in r ? { error: r.error } : {}) }))
    const details = withPreflight({ origin, catchAll, probes: rows }, [baseline, ...results.map((r) => ('x' in r ? r.x : undefined))])
    const evidence = [{ kind: 'http.exposure', label: `Sensitive paths on ${origin}`, data: { baseline: { status: baseline.status, sha256: hash(baseline) }, probes: rows } }]
    if (exposed.length) return { status: 'fail', summary: `${origin} serves ${exposed.map((r) => `${r.path} (${r.what})`).join(', ')}.`, details, evidence }
    if (errors.length) return { status: 'error', summary: `${errors.length} of ${results.length} sensitive paths on ${origin} could not be checked (${errors[0].path}: ${errors[0].error}).`, details, evidence }
    const note = catchAll ? ' (the site answers 200 for every path; content was compared, not just status)' : ''
    return { status: 'pass', summary: `None of ${results.length} sensitive paths is served on ${origin}${note}.`, details, evidence }
  },
}
