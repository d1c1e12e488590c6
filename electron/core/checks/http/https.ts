import { chainEvidence, isHttpError, locationOf } from '../../net/http'
import type { CheckModule, CheckOutcome } from '../types'
import { withPreflight } from './lib/outcome'

export const check: CheckModule = {
  meta: {
    id: 'http.https',
    title: 'Plain HTTP redirects to HTTPS',
    area: 'http',
    stage: 'dns-routing',
    why: 'Visitors who type the address without https:// must land on the secure site, or logins and forms travel in clear text.',
    fix: 'Turn on "Always Use HTTPS" at the CDN or add a permanent (301/308) redirect from http:// to https:// on the same host.',
    byHand: { command: 'curl -sI http://{host}/ | head -3', expect: 'HTTP/1.1 301 (or 308) and a line "location: https://{host}/"' },
    scope: 'host',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const host = ctx.target
    const url = `http://${host}/`
    let first
    try {
      first = await ctx.services.http.request(url, { signal: ctx.signal, maxBytes: 64 * 1024 })
    } catch (e) {
      if (isHttpError(e) && e.kind === 'refused') {
        return { status: 'warn', summary: `${host} does not answer plain HTTP at all: visitors typing the bare address get an error.`, details: { error: e.message } }
      }
      if (isHttpError(e)) return { status: 'error', summary: `Could not check ${url}: ${e.message}`, details: { kind: e.kind } }
      throw e
    }
    const chain = { start: url, hops: [first], ...(locationOf(first) ? {} : { final: first }) }
    const evidence = [chainEvidence(`First hop of ${url}`, chain)]
    const next = locationOf(first)
    // The rest of the way from the first hop (for the handover's redirect map): best effort, bounded.
    const rest = next ? await ctx.services.http.follow(next, { signal: ctx.signal, maxBytes: 64 * 1024, maxHops: 5 }).catch(() => null) : null
    const hops = [{ url: first.url, status: first.status }, ...(rest?.hops ?? []).map((h) => ({ url: h.url, status: h.status }))]
    const details = withPreflight({ status: first.status, location: next ?? null, chain: hops, ...(rest?.error ? { chainError: rest.error.message } : {}) }, [first])
    if (!next) {
      return { status: 'fail', summary: `${url} serves content over plain HTTP (${first.status}) instead of redirecting to HTTPS.`, details, evidence }
    }
    const to = new URL(next)
    if (to.protocol !== 'https:') return { status: 'fail', summary: `${url} redirects to ${next}, which is still plain HTTP.`, details, evidence }
    const problems: string[] = []
    if (to.hostname !== host) problems.push(`the first redirect goes to another host (${to.hostname}) instead of https://${host}`)
    if (first.status !== 301 && first.status !== 308) problems.push(`the redirect is temporary (${first.status}); use 301 or 308`)
    if (problems.length) return { status: 'warn', summary: `${url} reaches HTTPS, but ${problems.join(' and ')}.`, details, evidence }
    return { status: 'pass', summary: `${url} permanently redirects (${first.status}) to https://${host}.`, details, evidence }
  },
}
