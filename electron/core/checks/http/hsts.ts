import { exchangeEvidence } from '../../net/http'
import type { CheckModule, CheckOutcome } from '../types'
import { eligibleHeader } from './lib/hsts-preload'
import { HSTS_MAX_AGE_CAP, parseHstsStrict } from './lib/hsts-strict'
import { hvs, withPreflight } from './lib/outcome'
import { canonicalOrError } from './lib/site'

/*
 * Which parser decides what (the two disagree on some headers; conformance vectors of both pass):
 * - Does the header count at all, and its max-age / includeSubDomains: Chromium (strict RFC 6797),
 *   because that is what browsers enforce. Repeated directives, an invalid token in an unknown
 *   directive, `includeSubDomains=…` or a non-numeric max-age make Chromium drop the whole header:
 *   warn "browsers ignore it", where hstspreload would only warn about the part.
 *   `max-age="123"` (quoted) is valid for Chromium (hstspreload errors): accepted.
 *   A leading zero (`max-age=01234`) is valid for both (hstspreload adds a warning): accepted.
 *   A max-age beyond one year counts as one year (Chromium's clamp), which still meets the target.
 * - Preload eligibility (reported in details, never a failure): hstspreload.org's rules and issue
 *   codes, policy "1 year" (includeSubDomains, preload, max-age ≥ 31536000).
 */
export const check: CheckModule = {
  meta: {
    id: 'http.hsts',
    title: 'HSTS is on for the canonical host',
    area: 'http',
    stage: 'security',
    why: 'Strict-Transport-Security makes browsers refuse plain HTTP for your site, closing the window for downgrade and cookie theft on public Wi-Fi.',
    fix: 'Send "Strict-Transport-Security: max-age=31536000; includeSubDomains" from the canonical host (start lower, raise to a year); add "preload" once every subdomain is HTTPS.',
    scope: 'domain',
    network: true,
  },
  async run(ctx): Promise<CheckOutcome> {
    const got = await canonicalOrError(ctx)
    if ('outcome' in got) return got.outcome
    const { canon } = got
    const x = canon.page
    const values = hvs(x, 'strict-transport-security')
    const evidence = [exchangeEvidence(`Canonical page ${x.url}`, x, false)]
    // Browsers (Chromium) decide whether the header counts; hstspreload.org decides preload eligibility.
    const preloadIssues = values.length === 1 ? eligibleHeader(values[0]) : null
    const preload = preloadIssues ? { eligible: preloadIssues.errors.length === 0, errors: preloadIssues.errors.map((i) => i.code), warnings: preloadIssues.warnings.map((i) => i.code) } : { eligible: false }
    const base = { host: canon.host, headers: values, preload, rules: 'validity, max-age and includeSubDomains as Chromium parses them; preload eligibility by hstspreload.org rules' }
    const details = (extra: Record<string, unknown>) => withPreflight({ ...base, ...extra }, [x])
    if (!values.length) return { status: 'warn', summary: `${canon.host} sends no Strict-Transport-Security header.`, details: details({}), evidence }
    // Chromium joins repeated headers with ", ", which the strict grammar then rejects.
    const strict = parseHstsStrict(values.join(', '))
    if (!strict.valid) return { status: 'warn', summary: `Browsers ignore ${canon.host}'s HSTS header: ${strict.reason}.`, details: details({ strict }), evidence }
    const problems: string[] = []
    if ((strict.maxAge ?? 0) < HSTS_MAX_AGE_CAP) problems.push(`max-age is ${strict.maxAge} s, under one year`)
    if (!strict.includeSubDomains) problems.push('includeSubDomains is missing')
    if (problems.length) return { status: 'warn', summary: `HSTS on ${canon.host} is weak: ${problems.join(', ')}.`, details: details({ strict }), evidence }
    const info = preload.eligible ? ' and is eligible for the preload list' : ' (not preload-eligible yet: add "preload" when ready)'
    return { status: 'pass', summary: `HSTS on ${canon.host} lasts a year or more with includeSubDomains${info}.`, details: details({ strict }), evidence }
  },
}
