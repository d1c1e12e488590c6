import { exchangeEvidence } from '../../net/http'
import type { CheckModule, CheckOutcome } from '../types'
import { isHtml, subresources } from './lib/html'
import { hv, withPreflight } from './lib/outcome'
import { canonicalOrError } from './lib/site'

export const check: CheckModule = {
  meta: {
    id: 'http.mixed-content',
    title: 'The canonical page loads nothing over plain HTTP',
    area: 'http',
    stage: 'security',
    why: 'Browsers block insecure scripts and styles (breaking the page) and flag insecure images, costing trust at the first visit.',
    fix: 'Change every http:// asset URL on the page to https:// (or a relative URL); Cloudflare\'s Automatic HTTPS Rewrites can help meanwhile.',
    scope: 'domain',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const got = await canonicalOrError(ctx)
    if ('outcome' in got) return got.outcome
    const { canon } = got
    const x = canon.page
    const evidence = [exchangeEvidence(`Canonical page ${x.url}`, x)]
    if (!x.url.startsWith('https:')) return { status: 'error', summary: `The canonical page ${x.url} is not served over HTTPS, so mixed content cannot be judged.`, evidence }
    const body = x.body.toString('utf8')
    if (!isHtml(hv(x, 'content-type'), body)) return { status: 'pass', summary: `The canonical page is not HTML (${hv(x, 'content-type') || 'no type'}): nothing to load.`, evidence }
    const insecure = subresources(body, x.url).filter((s) => s.url.startsWith('http:'))
    const active = insecure.filter((s) => s.kind === 'active')
    const passive = insecure.filter((s) => s.kind === 'passive')
    const details = withPreflight({ page: x.url, truncated: x.truncated, active, passive }, [x])
    evidence.push({ kind: 'http.mixed-content', label: 'Insecure subresources', data: { active, passive } })
    if (active.length) return { status: 'fail', summary: `${active.length} active resource(s) load over plain HTTP and will be blocked (e.g. <${active[0].tag}> ${active[0].url}).`, details, evidence }
    if (passive.length) return { status: 'warn', summary: `${passive.length} image/media resource(s) load over plain HTTP (e.g. ${passive[0].url}).`, details, evidence }
    return { status: 'pass', summary: `No http:// subresources on ${x.url}${x.truncated ? ' (first 2 MB checked)' : ''}.`, details, evidence }
  },
}
