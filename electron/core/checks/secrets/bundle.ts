import { isAppError } from '@shared/errors'
import type { CheckModule } from '../types'
import { hostAllowList, scanBundle, type Getter } from '../../secrets/bundle'
import type { HttpClient } from '../../net/http/client'
import { describeFindings, findingRows, statusOf } from './lib/summary'

/** Fetch through the run's HTTP client (connect-to, lab CA, per-host limits), following redirects. */
function getter(http: HttpClient, signal: AbortSignal): Getter {
  return async (url, maxBytes) => {
    const chain = await http.follow(url, { maxBytes, signal, maxHops: 5 })
    const res = chain.final
    if (!res) throw new Error(chain.error?.message ?? (chain.loop ? 'redirect loop' : 'too many redirects'))
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v ?? '')
    return { url: res.url, status: res.status, headers, body: res.body.toString('utf8'), truncated: res.truncated }
  }
}

/** secrets.bundle: the live site's HTML, JS bundles and source maps. */
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
    // Where the page ends up after redirects is among these too (www or apex canonical).
    const allowed = hostAllowList([ctx.domain, ...ctx.engagement.hosts.map((h) => h.name)])
    let scan
    try {
      scan = await scanBundle(getter(ctx.services.http, ctx.signal), page, allowed, undefined, ctx.signal)
    } catch (e) {
      const msg = isAppError(e) || e instanceof Error ? e.message : String(e)
      return { status: 'error', summary: msg.includes(page) ? `Could not fetch the live page: ${msg}` : `Could not fetch ${page}: ${msg}` }
    }
    const findings = scan.findings
    const status = statusOf(findings)
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`
    const summary =
      status === 'pass'
        ? `No secrets in ${scan.page}, its ${plural(scan.scripts, 'script')} and ${plural(scan.maps, 'source map')}`
        : `In what ${scan.page} ships to browsers: ${describeFindings(findings)}`
    return {
      status,
      summary,
      details: { page: scan.page, scripts: scan.scripts, sourceMaps: scan.maps, fetched: scan.fetched, skippedThirdParty: scan.skipped, findings: findingRows(findings), count: findings.length },
      evidence: [{ kind: 'secrets.scan', label: `Secret scan of ${scan.page} and its bundles`, data: { fetched: scan.fetched, skippedThirdParty: scan.skipped, findings: findingRows(findings) } }],
    }
  },
}
