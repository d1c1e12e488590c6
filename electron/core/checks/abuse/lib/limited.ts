import type { HttpExchange } from '../../../net/http/types'

/** How a server showed it limits a burst: an HTTP 429, a lockout, or a CAPTCHA challenge. */
export type LimitSignal = 'rate-limited' | 'lockout' | 'captcha'

const CAPTCHA = /g-recaptcha|grecaptcha|h-captcha|hcaptcha|cf-turnstile|challenges\.cloudflare\.com|\bcaptcha\b/i
const LOCKOUT = /account (?:is |has been )?(?:temporarily )?locked|too many (?:failed |login |sign-?in )?(?:attempts|requests|tries)|temporarily (?:blocked|locked)|try again (?:later|in \d+)/i

const header = (x: HttpExchange, name: string) => {
  const v = x.headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** Retry-After as seconds (a number or an HTTP date), when present. */
export function retryAfterSeconds(x: HttpExchange, now = Date.now()): number | undefined {
  const v = header(x, 'retry-after')
  if (!v) return undefined
  if (/^\d+$/.test(v.trim())) return Number(v.trim())
  const t = Date.parse(v)
  return Number.isNaN(t) ? undefined : Math.max(0, Math.round((t - now) / 1000))
}

/**
 * Did this response limit the burst? 429 (with or without Retry-After), 423 Locked, a lockout
 * message on an error status, a 503 with Retry-After, or a CAPTCHA challenge (a Cloudflare
 * managed challenge says so in `cf-mitigated`). A plain 401 "wrong password" is not a limit.
 */
export function limitSignal(x: HttpExchange): LimitSignal | null {
  if (x.status === 429) return 'rate-limited'
  if (x.status === 423) return 'lockout'
  if (header(x, 'cf-mitigated') === 'challenge') return 'captcha'
  const text = x.body.subarray(0, 16 * 1024).toString('utf8')
  if (CAPTCHA.test(text)) return 'captcha'
  if (x.status >= 400 && LOCKOUT.test(text)) return 'lockout'
  if (x.status === 503 && retryAfterSeconds(x) !== undefined) return 'rate-limited'
  return null
}
