import { AppError } from '@shared/errors'

/** Why a provider call failed, in words a check summary can use. */
export type ProviderErrorKind =
  | 'auth' // 401/403: the credential was rejected
  | 'not_found'
  | 'rate_limited' // 429 after the bounded retries
  | 'server' // 5xx after the bounded retries
  | 'invalid_response' // not JSON, or JSON of the wrong shape
  | 'timeout'
  | 'network'
  | 'cancelled'

/** A failed provider API call: an expected failure that a check turns into an `error` result. */
export class ProviderError extends AppError {
  readonly provider: string
  readonly kind: ProviderErrorKind
  readonly status?: number
  /** Milliseconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfterMs?: number
  constructor(provider: string, kind: ProviderErrorKind, message: string, extra: { status?: number; retryAfterMs?: number } = {}) {
    super(kind === 'cancelled' ? 'cancelled' : kind === 'not_found' ? 'not_found' : 'unavailable', message)
    this.name = 'ProviderError'
    this.provider = provider
    this.kind = kind
    this.status = extra.status
    this.retryAfterMs = extra.retryAfterMs
  }
  /** Whether another attempt may succeed (rate limits and server errors). */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server'
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError
}

const LABELS: Record<string, string> = {
  cloudflare: 'Cloudflare',
  rdap: 'RDAP',
  vercel: 'Vercel',
  netlify: 'Netlify',
  uptimerobot: 'UptimeRobot',
  betterstack: 'Better Stack',
  porkbun: 'Porkbun',
  namecheap: 'Namecheap',
  godaddy: 'GoDaddy',
  gandi: 'Gandi',
  github: 'GitHub',
  stripe: 'Stripe',
  aws: 'AWS',
  supabase: 'Supabase',
}

/** The provider's display name. */
export function providerLabel(provider: string): string {
  return LABELS[provider] ?? provider
}

/** Turn an HTTP status into a typed error with a message a person can act on. */
export function statusError(provider: string, status: number, retryAfterMs?: number): ProviderError {
  const name = providerLabel(provider)
  if (status === 401 || status === 403)
    return new ProviderError(provider, 'auth', `${name} rejected the credential (HTTP ${status}): verify or rotate it`, { status })
  if (status === 404) return new ProviderError(provider, 'not_found', `${name} answered 404 (not found)`, { status })
  if (status === 429)
    return new ProviderError(provider, 'rate_limited', `${name} rate-limited the request (HTTP 429) and retries ran out`, { status, retryAfterMs })
  if (status >= 500)
    return new ProviderError(provider, 'server', `${name} had a server error (HTTP ${status}) and retries ran out`, { status, retryAfterMs })
  return new ProviderError(provider, 'invalid_response', `${name} answered HTTP ${status} unexpectedly`, { status })
}

/** Parse Retry-After (seconds or an HTTP date) into milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const secs = Number(value.trim())
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
