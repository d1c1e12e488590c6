import { isAppError } from '@shared/errors'
import type { CheckModule } from '../types'
import { hostAllowList, scanBundle, type Getter } from '../../secrets/bundle'
import type { HttpClient } from '../../net/http/client'
import { describeFindings, findingRows, statusOf } from './lib/summary'

/** Fetch through the run's HTTP client (connect-to, lab CA, per-host limits), following redirects. */
export function getter(http: HttpClient, signal: AbortSignal): Getter {
  return async (url, maxBytes) => {
    const chain = await http.follow(url, { maxBytes, signal, maxHops: 5 })
    const res = chain.final
    if (!res) throw new Error(chain.error?.message ?? (chain.loop ? 'redirect loop' : 'too many redirects'))
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v ?? '')
    return { url: res.url, status: res.status, headers, body: res.body.toString('utf8'), truncated: res.truncated }
  }
}

/** Roles of hosts whose pages ship code to browsers. */
const BROWSER_ROLES = new Set(['apex', 'web', 'app', 'admin'])

/** secrets.bundle: the live site's HTML, JS bundles and source maps, on every browser-facing host. */
export const check: CheckModule = {
  meta: {
    id: 'secrets.bundle',
    title: 'No secrets shipped to the browser',
    area: 'secrets',
    stage: 'security',
    why: 'Anything in the site’s JavaScript is public: a server key shipped to browsers lets anyone charge cards, read the database or run up your AI bill.',
    fix: 'Revoke and rotate every key listed, move the call that needs it to a server route or function, and keep only publishable keys (pk_live_, Supabase anon) in front-end code. Do not publish source maps to production.',
    byHand: { command: 'curl -s https://{domain}/ | grep -o \'src="[^"]*\\.js"\'   then for each script: curl -s https://{domain}/<script> | grep -E \'sk_live_|AKIA|-----BEGIN\'', expect: 'no output from the second command: no live key in what browsers download' },
    scope: 'domain',
    network: true,
    timeoutMs: 60_000,
  },
  async run(ctx) {
    const page = `https://${ctx.domain}/`
    // The canonical site, then every declared host that serves browsers their code.
    const pages = [...new Set([page, ...ctx.engagement.hosts.filter((h) => BROWSER_ROLES.has(h.role)).map((h) => `https://${h.name}/`)])]
    // Where a page ends up after redirects is among these too (www or apex canonical).
    const allowed = hostAllowList([ctx.domain, ...ctx.engagement.hosts.map((h) => h.name)])
    let scan
    try {
      scan = await scanBundle(getter(ctx.services.http, ctx.signal), pages, allowed, undefined, ctx.signal)
    } catch (e) {
      const msg = isAppError(e) || e instanceof Error ? e.message : String(e)
      return { status: 'error', summary: msg.includes(page) ? `Could not fetch the live page: ${msg}` : `Could not fetch ${page}: ${msg}` }
    }
    const findings = scan.findings
    const status = statusOf(findings)
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`
    const read = scan.pages.filter((p) => p.final)
    const hosts = [...new Set(read.map((p) => new URL(p.final!).host))]
    const unreadPages = scan.pages.filter((p) => p.error)
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
    const notes = [
      `${mb(scan.bytes)} read of a ${mb(scan.budget)} budget`,
      ...(scan.unread.length ? [`${plural(scan.unread.length, 'file')} left unread by the budget`] : []),
      ...(unreadPages.length ? [`${unreadPages.map((p) => p.url).join(', ')} did not answer`] : []),
    ].join('; ')
    const where = `${plural(read.length, 'page')} on ${hosts.join(', ')}`
    const summary =
      status === 'pass'
        ? `No secrets in ${where}, ${plural(scan.scripts, 'script')} and ${plural(scan.maps, 'source map')} (${notes})`
        : `In what ${where} ship${read.length === 1 ? 's' : ''} to browsers: ${describeFindings(findings)} (${notes})`
    const details = { page: scan.page, pages: scan.pages, scripts: scan.scripts, sourceMaps: scan.maps, bytesRead: scan.bytes, byteBudget: scan.budget, unread: scan.unread, fetched: scan.fetched, skippedThirdParty: scan.skipped, findings: findingRows(findings), count: findings.length }
    return {
      status,
      summary,
      details,
      evidence: [{ kind: 'secrets.scan', label: `Secret scan of ${hosts.join(', ')} and their bundles`, data: { pages: scan.pages, fetched: scan.fetched, skippedThirdParty: scan.skipped, unread: scan.unread, findings: findingRows(findings) } }],
    }
  },
}
