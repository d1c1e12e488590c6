import type { Host } from '@shared/schemas/engagement'
import { exchangeEvidence } from '../../net/http/evidence'
import type { HttpExchange } from '../../net/http/types'
import type { CheckModule, CheckOutcome, EvidenceItem } from '../types'

const HEALTHY = /^(ok|okay|healthy|up|pass|passing|green|available|operational|alive|ready|running)$/i
const UNHEALTHY = /\b(unhealthy|degraded|down|fail(ed|ing)?|error|critical|unavailable|outage|red)\b/i
const MAX_TRIES = 8

/** Does a health body say healthy? JSON status/health/state fields or ok:true; or a short text. */
export function bodySaysHealthy(body: string, contentType = ''): { healthy: boolean; why: string } {
  const text = body.trim()
  if (!text) return { healthy: false, why: 'the body is empty' }
  if (/json/i.test(contentType) || /^[{[]/.test(text)) {
    try {
      const j = JSON.parse(text) as Record<string, unknown>
      for (const k of ['status', 'health', 'state', 'result']) {
        const v = j?.[k]
        if (typeof v === 'string') return HEALTHY.test(v.trim()) ? { healthy: true, why: `${k}: "${v}"` } : { healthy: false, why: `${k} is "${v}"` }
        if (typeof v === 'boolean') return { healthy: v, why: `${k}: ${v}` }
      }
      for (const k of ['ok', 'healthy', 'up']) if (typeof j?.[k] === 'boolean') return { healthy: j[k] === true, why: `${k}: ${String(j[k])}` }
      return { healthy: false, why: 'the JSON has no status/health field' }
    } catch {
      return { healthy: false, why: 'the body is not valid JSON' }
    }
  }
  const first = text.slice(0, 200)
  if (UNHEALTHY.test(first)) return { healthy: false, why: `the body says "${first.slice(0, 60)}"` }
  if (/\b(ok|healthy|up|pass|alive)\b/i.test(first) && text.length <= 200) return { healthy: true, why: `the body says "${first.slice(0, 60)}"` }
  return { healthy: false, why: 'the body does not say healthy' }
}

/** A library message can carry a multi-line stack of TLS internals: keep the first line, short. */
const firstLine = (m: string) => m.split('\n')[0].trim().slice(0, 160)

/** Health endpoint candidates: API hosts first, then the app and the site. */
export function healthCandidates(domain: string, hosts: Host[]): string[] {
  const byRole = (roles: string[]) => hosts.filter((h) => roles.includes(h.role)).map((h) => h.name)
  const api = byRole(['api'])
  const site = [...byRole(['app']), ...byRole(['web', 'apex'])]
  if (!site.includes(domain)) site.push(domain)
  const urls = [
    ...api.flatMap((h) => [`https://${h}/health`, `https://${h}/healthz`, `https://${h}/api/health`]),
    ...site.flatMap((h) => [`https://${h}/api/health`, `https://${h}/health`, `https://${h}/healthz`]),
  ]
  return [...new Set(urls)].slice(0, MAX_TRIES)
}

export const check: CheckModule = {
  meta: {
    id: 'mon.health',
    title: 'Health endpoint says healthy',
    area: 'mon',
    stage: 'monitoring',
    why: 'Uptime monitors and load balancers need one URL that proves the app and its database work; without it, outages go unnoticed until customers complain.',
    fix: 'Add a /health (or /api/health) route that checks the database and key dependencies and answers 200 with {"status":"ok"} — or 503 when something is wrong — then point the uptime monitor at it.',
    byHand: { command: 'curl -s -w " %{http_code}\\n" https://{host}/health', expect: 'a body saying healthy, e.g. {"status":"ok"}, followed by 200' },
    runbook: 'uptime-alert',
    scope: 'engagement',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const tried: { url: string; status?: number; error?: string }[] = []
    const evidence: EvidenceItem[] = []
    const unreachable = new Set<string>()
    for (const url of healthCandidates(ctx.domain, ctx.engagement.hosts)) {
      if (ctx.signal.aborted) break
      // One network failure per host is enough: a hanging host must not eat the check's time.
      if (unreachable.has(new URL(url).host)) continue
      let x: HttpExchange
      try {
        x = await ctx.services.http.request(url, { signal: ctx.signal, maxBytes: 64 * 1024 })
      } catch (e) {
        tried.push({ url, error: firstLine((e as Error).message) })
        unreachable.add(new URL(url).host)
        continue
      }
      tried.push({ url, status: x.status })
      if (x.status !== 200) continue
      evidence.push(exchangeEvidence(`GET ${url}`, x))
      const verdict = bodySaysHealthy(x.body.toString('utf8'), String(x.headers['content-type'] ?? ''))
      const details = { url, tried, why: verdict.why }
      if (verdict.healthy) return { status: 'pass', summary: `${url} answers 200 and says healthy (${verdict.why})`, details, evidence }
      return { status: 'fail', summary: `${url} answers 200 but does not say healthy: ${verdict.why}`, details, evidence }
    }
    const answered = tried.filter((t) => t.status !== undefined)
    if (answered.length === 0) {
      return { status: 'error', summary: `No health endpoint could be reached (${tried[0]?.error ?? 'nothing tried'})`, details: { tried } }
    }
    const seen = answered.map((t) => `${new URL(t.url).host}${new URL(t.url).pathname} → ${t.status}`).join(', ')
    return { status: 'fail', summary: `No health endpoint answered 200 (${seen})`, details: { tried } }
  },
}
