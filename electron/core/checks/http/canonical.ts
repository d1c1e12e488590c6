import { chainEvidence, type HttpChain } from '../../net/http'
import type { CheckModule, CheckOutcome, CheckStatus } from '../types'
import { withPreflight, worst } from './lib/outcome'
import { wwwOf } from './lib/site'

/** A path and query a redirect must carry along; a site may 404 it, only the URL matters. */
const PROBE = '/handover-probe/page?utm_source=handover'
const MAX_HOPS = 2

export const check: CheckModule = {
  meta: {
    id: 'http.canonical',
    title: 'Apex and www converge on one canonical host',
    area: 'http',
    stage: 'dns-routing',
    why: 'Two live copies of the site split search ranking and cookies; long or looping redirect chains slow every first visit or break it.',
    fix: 'Pick one canonical host (apex or www) and redirect the other three entry URLs to it in one hop, keeping the path and query.',
    scope: 'domain',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const hosts = [ctx.domain, wwwOf(ctx.domain)]
    const entries = hosts.flatMap((h) => [`http://${h}${PROBE}`, `https://${h}${PROBE}`])
    // Ten hops at most per entry: enough to tell "too many" from a real loop without following forever.
    const chains: HttpChain[] = await Promise.all(entries.map((u) => ctx.services.http.follow(u, { signal: ctx.signal, maxBytes: 64 * 1024, maxHops: 10 })))
    let status = 'pass' as CheckStatus
    const findings: string[] = []
    const rows = chains.map((c) => {
      const hops = c.hops.length - (c.final ? 1 : 0)
      // Hop by hop (each URL and the status it answered), for the handover's redirect map.
      const chain = c.hops.map((h) => ({ url: h.url, status: h.status }))
      const row = { entry: c.start, hops, chain, final: c.final?.url ?? null, status: c.final?.status ?? null, error: c.error?.message, loop: c.loop, tooManyHops: c.tooManyHops }
      if (c.loop || c.tooManyHops) {
        status = worst(status, 'fail')
        findings.push(`${c.start} ${c.loop ? 'redirects in a loop' : 'never stops redirecting'}`)
      } else if (c.final && hops > MAX_HOPS) {
        status = worst(status, 'fail')
        findings.push(`${c.start} takes ${hops} redirects`)
      }
      return row
    })
    const done = chains.filter((c) => c.final)
    if (!done.length) {
      const first = chains.find((c) => c.error)?.error?.message ?? 'no entry URL reached a page'
      return { status: status === 'fail' ? 'fail' : 'error', summary: findings.length ? `No entry URL reaches a page: ${findings.join('; ')}.` : `No entry URL answered: ${first}`, details: { entries: rows }, evidence: chains.map((c) => chainEvidence(c.start, c)) }
    }
    const finals = new Set(done.map((c) => new URL(c.final?.url as string).host))
    if (finals.size > 1) {
      status = worst(status, 'fail')
      findings.push(`two live hosts serve the site (${[...finals].join(' and ')})`)
    }
    const lost = done.filter((c) => {
      const u = new URL(c.final?.url as string)
      return `${u.pathname}${u.search}` !== PROBE
    })
    if (lost.length) {
      status = worst(status, 'warn')
      findings.push(`redirects drop the path or query (${lost[0].start} → ${lost[0].final?.url})`)
    }
    // A temporary redirect between the apex and www: search engines keep indexing both hosts.
    const temporary = chains.flatMap((c) => c.hops.slice(0, -1).map((h, i) => ({ h, next: c.hops[i + 1] }))).find(({ h, next }) => (h.status === 302 || h.status === 307) && new URL(h.url).host !== new URL(next.url).host)
    if (temporary) {
      status = worst(status, 'warn')
      findings.push(`${temporary.h.url} → ${temporary.next.url} is a temporary redirect (${temporary.h.status}); make it permanent (301 or 308)`)
    }
    const unreachable = chains.filter((c) => c.error)
    if (unreachable.length) {
      status = worst(status, 'warn')
      findings.push(`${unreachable.map((c) => c.start.replace(PROBE, '/')).join(', ')} did not answer`)
    }
    const canonical = [...finals][0]
    const summary = findings.length ? `Canonical host problems: ${findings.join('; ')}.` : `All four entry URLs reach https://${canonical} within ${MAX_HOPS} hops, keeping path and query.`
    return {
      status,
      summary,
      details: withPreflight({ canonical: finals.size === 1 ? canonical : null, entries: rows }, chains),
      evidence: chains.map((c) => chainEvidence(`Redirect chain from ${c.start}`, c)),
    }
  },
}
