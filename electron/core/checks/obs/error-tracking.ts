import type { CheckModule, CheckOutcome } from '../types'
import { scriptUrls } from '../../secrets/bundle'
import { canonicalOrError, sameSite } from '../http/lib/site'
import { findTrackers } from './lib/trackers'

const MAX_SCRIPTS = 10
const MAX_SCRIPT_BYTES = 1024 * 1024

/** Inline <script> bodies of a page (not the ones with a src). */
export function inlineScripts(html: string): string[] {
  const out: string[] = []
  const re = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi
  for (let m = re.exec(html); m && out.length < 50; m = re.exec(html)) if (m[1].trim()) out.push(m[1])
  return out
}

export const check: CheckModule = {
  meta: {
    id: 'obs.error-tracking',
    title: 'Browser errors are tracked and tagged with a release',
    area: 'obs',
    stage: 'monitoring',
    why: 'Without error tracking, customers meet the bugs first and nobody hears; without a release tag, a spike of errors cannot be tied to the deploy that caused it or checked after a rollback.',
    fix: 'Add an error tracker’s browser SDK (Sentry, Bugsnag, Rollbar, Datadog RUM…) and set its release/version option to the deployed build (the git SHA or version), e.g. Sentry.init({ dsn, release: process.env.COMMIT_SHA }); then turn on an alert for new issues per release.',
    byHand: { command: "curl -s https://{domain}/ | grep -oE 'Sentry.init|Bugsnag.start|_rollbarConfig|DD_RUM.init|posthog.init|release|appVersion|code_version'", expect: "the tracker's start call and a release or version next to it" },
    scope: 'domain',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const c = await canonicalOrError(ctx)
    if ('outcome' in c) return c.outcome
    const page = c.canon.page
    const html = page.body.toString('utf8')
    const urls = scriptUrls(html, page.url)
    const texts = inlineScripts(html).map((text) => ({ where: 'inline script', text }))
    const fetched: { url: string; status?: number; bytes?: number; error?: string }[] = []
    // Same-site bundles only: third-party SDKs are recognised by their host, never fetched.
    for (const url of urls.filter((u) => sameSite(u, ctx.domain)).slice(0, MAX_SCRIPTS)) {
      if (ctx.signal.aborted) break
      try {
        const x = await ctx.services.http.request(url, { signal: ctx.signal, maxBytes: MAX_SCRIPT_BYTES })
        fetched.push({ url, status: x.status, bytes: x.bodyBytes })
        if (x.status === 200) texts.push({ where: url, text: x.body.toString('utf8') })
      } catch (e) {
        fetched.push({ url, error: (e as Error).message.split('\n')[0].slice(0, 160) })
      }
    }
    const found = findTrackers(urls, texts)
    const evidence = [{ kind: 'obs.scripts', label: `Scripts of ${page.url} searched for error tracking`, data: { page: page.url, scripts: urls, fetched, inline: texts.filter((t) => t.where === 'inline script').length, found } }]
    const inventory = found.map((f) => ({ system: 'error-tracking' as const, name: f.name, loginUrl: f.loginUrl, ...(f.key ? { notes: `Public key in the site's scripts (public by design, not a leak): ${f.key.value}` } : {}) }))
    const details = { page: page.url, trackers: found, scripts: urls.length, fetched: fetched.length, inventory }
    if (!found.length) return { status: 'warn', summary: `No error tracking found in ${page.url} or its ${urls.length} script${urls.length === 1 ? '' : 's'}: browser errors go unseen`, details, evidence }
    const named = found.map((f) => `${f.name}${f.release ? ` (release ${f.release})` : ' (no release tag)'}`).join(', ')
    const keys = found.filter((f) => f.key).map((f) => f.name)
    const keyNote = keys.length ? `; the ${keys.join(' and ')} key in the page is public by design, not a leak` : ''
    if (found.some((f) => f.release)) return { status: 'pass', summary: `Error tracking: ${named}${keyNote}`, details, evidence }
    return { status: 'warn', summary: `Error tracking: ${named}: errors cannot be grouped by release${keyNote}`, details, evidence }
  },
}
