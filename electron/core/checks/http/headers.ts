import { exchangeEvidence } from '../../net/http'
import type { CheckModule, CheckOutcome } from '../types'
import { hv, withPreflight } from './lib/outcome'
import { canonicalOrError } from './lib/site'

export const check: CheckModule = {
  meta: {
    id: 'http.headers',
    title: 'Basic security headers are set',
    area: 'http',
    stage: 'security',
    why: 'Three cheap headers stop clickjacking, MIME sniffing and referrer leaks, and customers\' security questionnaires ask for them.',
    fix: 'Send X-Content-Type-Options: nosniff, a Content-Security-Policy with frame-ancestors (or X-Frame-Options: DENY) and Referrer-Policy: strict-origin-when-cross-origin.',
    scope: 'domain',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const got = await canonicalOrError(ctx)
    if ('outcome' in got) return got.outcome
    const { canon } = got
    const x = canon.page
    const csp = hv(x, 'content-security-policy')
    const xfo = hv(x, 'x-frame-options').toUpperCase()
    const seen = {
      'x-content-type-options': /\bnosniff\b/i.test(hv(x, 'x-content-type-options')),
      'frame protection (CSP frame-ancestors or X-Frame-Options)': /(^|;)\s*frame-ancestors\b/i.test(csp) || xfo === 'DENY' || xfo === 'SAMEORIGIN',
      'content-security-policy': csp.length > 0,
      'referrer-policy': hv(x, 'referrer-policy').length > 0,
    }
    // CSP itself is recommended, but frame protection is what the catalog requires of it.
    const required = ['x-content-type-options', 'frame protection (CSP frame-ancestors or X-Frame-Options)', 'referrer-policy'] as const
    const missing = required.filter((k) => !seen[k])
    const details = withPreflight({ page: x.url, present: seen, missing }, [x])
    const evidence = [exchangeEvidence(`Canonical page ${x.url}`, x, false)]
    if (missing.length) return { status: 'warn', summary: `${canon.host} lacks ${missing.join(', ')}.`, details, evidence }
    return { status: 'pass', summary: `${canon.host} sends nosniff, frame protection and a Referrer-Policy${seen['content-security-policy'] ? ' and a CSP' : ''}.`, details, evidence }
  },
}
