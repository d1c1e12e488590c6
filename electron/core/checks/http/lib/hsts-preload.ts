/**
 * The hstspreload.org checker's header rules (github.com/chromium/hstspreload header.go and
 * response.go), used to judge preload eligibility with the same issue codes the site shows.
 */
export interface Issue {
  code: string
  summary: string
  message: string
}
export interface Issues {
  errors: Issue[]
  warnings: Issue[]
}
export interface PreloadHeader {
  preload: boolean
  includeSubDomains: boolean
  maxAge: number | null
}
export type PreloadPolicy = '1year' | '18weeks'

const ONE_YEAR = 31_536_000
const WEEKS_18 = 10_886_400
const TEN_YEARS = 315_360_000

const none = (): Issues => ({ errors: [], warnings: [] })
const add = (list: Issue[], code: string, summary: string, message: string, unique = false) => {
  if (!unique || !list.some((i) => i.code === code)) list.push({ code, summary, message })
}

/** hstspreload's lenient ParseHeaderString: split on ';', trim, case-insensitive, no quoting. */
export function parsePreloadHeader(header: string): { header: PreloadHeader; issues: Issues } {
  const h: PreloadHeader = { preload: false, includeSubDomains: false, maxAge: null }
  const is = none()
  const dirs = header.split(';').map((d) => d.trim())
  if (dirs.length === 1 && dirs[0] === '') {
    add(is.warnings, 'header.parse.empty', 'Empty Header', 'The HSTS header is empty.')
    return { header: h, issues: is }
  }
  for (const d of dirs) {
    const l = d.toLowerCase()
    if (l === 'preload') {
      if (h.preload) add(is.warnings, 'header.parse.repeated.preload', 'Repeated preload directive', 'Header contains a repeated directive: `preload`', true)
      h.preload = true
    } else if (l.startsWith('preload')) {
      add(is.warnings, 'header.parse.invalid.preload', 'Invalid preload directive', 'Header contains a `preload` directive with extra parts.', true)
    } else if (l === 'includesubdomains') {
      if (h.includeSubDomains) add(is.warnings, 'header.parse.repeated.include_sub_domains', 'Repeated includeSubDomains directive', 'Header contains a repeated directive: `includeSubDomains`', true)
      h.includeSubDomains = true
    } else if (l.startsWith('includesubdomains')) {
      add(is.warnings, 'header.parse.invalid.include_sub_domains', 'Invalid includeSubDomains directive', 'The header contains an `includeSubDomains` directive with extra directives.', true)
    } else if (l.startsWith('max-age=')) {
      const m = parseMaxAge(d, is)
      if (m === null) continue
      if (h.maxAge === null) h.maxAge = m
      else add(is.warnings, 'header.parse.repeated.max_age', 'Repeated max-age directive', 'The header contains a repeated directive: `max-age`', true)
    } else if (l.startsWith('max-age')) {
      add(is.errors, 'header.parse.invalid.max_age.no_value', 'Max-age drective without a value', 'The header contains a max-age directive name without an associated value. Please specify the max-age in seconds.', true)
    } else if (d === '') {
      add(is.warnings, 'header.parse.empty_directive', 'Empty directive or extra semicolon', 'The header includes an empty directive or extra semicolon.', true)
    } else {
      add(is.warnings, 'header.parse.unknown_directive', 'Unknown directive', `The header contains an unknown directive: \`${d}\``)
    }
  }
  return { header: h, issues: is }
}

function parseMaxAge(directive: string, is: Issues): number | null {
  const digits = directive.slice(8)
  if (digits.length > 1 && digits[0] === '0') add(is.warnings, 'header.parse.max_age.leading_zero', 'Unexpected max-age syntax', `The header's max-age value contains a leading 0: \`${directive}\``)
  if (/[^0-9]/.test(digits)) {
    add(is.errors, 'header.parse.max_age.non_digit_characters', 'Invalid max-age syntax', `The header's max-age value contains characters that are not digits: \`${directive}\``)
    return null
  }
  // Go's ParseUint(…, 64) fails on empty strings and values above 2^64-1.
  if (!digits || BigInt(digits) > 18446744073709551615n) {
    add(is.errors, 'header.parse.max_age.parse_int_error', 'Invalid max-age syntax', `We could not parse the header's max-age value \`${directive}\`.`)
    return null
  }
  return Number(digits)
}

function maxAgeIssue(is: Issues, maxAge: number, policy: PreloadPolicy): void {
  const [min, label, code] = policy === '1year' ? [ONE_YEAR, '1 year', 'below_1_year'] : [WEEKS_18, '18 weeks', 'below_18_weeks']
  if (maxAge < min) {
    const msg = `The max-age must be at least ${min} seconds (≈ ${label}), but the header currently only has max-age=${maxAge}.`
    if (maxAge === 0) add(is.errors, 'header.preloadable.max_age.zero', 'Max-age is 0', `${msg} If you are trying to remove this domain from the preload list, please contact Lucas Garron at hstspreload@chromium.org`)
    else add(is.errors, `header.preloadable.max_age.${code}`, 'Max-age too low', msg)
  } else if (maxAge > TEN_YEARS) {
    add(is.warnings, 'header.preloadable.max_age.over_10_years', 'Max-age > 10 years', `FYI: The max-age (${maxAge} seconds) is longer than 10 years, which is an unusually long value.`)
  }
}

/** Parse issues plus the preload requirements under a policy (EligibleHeaderString). */
export function eligibleHeader(header: string, policy: PreloadPolicy = '1year'): Issues {
  const { header: h, issues: is } = parsePreloadHeader(header)
  if (!h.includeSubDomains) add(is.errors, 'header.preloadable.include_sub_domains.missing', 'No includeSubDomains directive', 'The header must contain the `includeSubDomains` directive.')
  if (!h.preload) add(is.errors, 'header.preloadable.preload.missing', 'No preload directive', 'The header must contain the `preload` directive.')
  if (h.maxAge === null) add(is.errors, 'header.preloadable.max_age.missing', 'No max-age directive', 'Header requirement error: Header must contain a valid `max-age` directive.')
  else maxAgeIssue(is, h.maxAge, policy)
  return is
}

/** PreloadableHeaderString: eligibility under the current (one year) policy. */
export const preloadableHeader = (header: string): Issues => eligibleHeader(header, '1year')

/** RemovableHeaderString: a max-age and no preload directive. */
export function removableHeader(header: string): Issues {
  const { header: h, issues: is } = parsePreloadHeader(header)
  if (h.preload) add(is.errors, 'header.removable.contains.preload', 'Contains preload directive', 'Header requirement error: For preload list removal, the header must not contain the `preload` directive.')
  if (h.maxAge === null) add(is.errors, 'header.removable.missing.max_age', 'No max-age directive', 'Header requirement error: Header must contain a valid `max-age` directive.')
  return is
}

/** Apply a header rule to a response's Strict-Transport-Security values (none or several is an error). */
export function responseIssues(values: string[], rule: (h: string) => Issues): Issues {
  const is = none()
  if (values.length === 0) add(is.errors, 'response.no_header', 'No HSTS header', 'Response error: No HSTS header is present on the response.')
  else if (values.length > 1) add(is.errors, 'response.multiple_headers', 'Multiple HSTS headers', `Response error: Multiple HSTS headers (number of HSTS headers: ${values.length}).`)
  else return rule(values[0])
  return is
}
