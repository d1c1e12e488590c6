/** Path families that matter for rate limits and private caching. */
export const AUTH_PATHS = /\/(log-?in|sign-?in|sign-?up|register|reset|forgot|password|auth|session|oauth)\b/i
export const API_PATHS = /\/(api|graphql|v\d+)\b/i
export const PRIVATE_PATHS = /\/(api|graphql|log-?in|sign-?in|sign-?up|auth|account|admin|dashboard|user|me|session|checkout|billing|settings)\b/i

/** A ruleset expression that matches every request ("true", or empty). */
export function matchesEverything(expression: string): boolean {
  const e = expression.trim().replace(/^\(+|\)+$/g, '').trim()
  return e === '' || e === 'true'
}

/**
 * Whether an expression visibly targets a path family: a URI path string it compares with,
 * or a match-everything expression. Hostname-only expressions do not count.
 */
export function targets(expression: string, family: RegExp): boolean {
  if (matchesEverything(expression)) return true
  // Regex punctuation becomes a separator so "^/(login|signup)" reads as /login /signup, and a
  // bare quoted word ("login") counts as a path segment.
  const flat = expression.replace(/[()^$|?*+[\]\\]/g, '/').replace(/"(?=[a-z])/gi, '"/')
  return family.test(flat)
}
