import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'cloudflare'
import { ProviderError, parseRetryAfter, statusError } from '../errors'

/** Map whatever the Cloudflare SDK threw to a typed ProviderError (no token ever in the message). */
export function cloudflareError(e: unknown, outer: AbortSignal | undefined, timeout: AbortSignal, timeoutMs: number): ProviderError {
  if (e instanceof ProviderError) return e
  if (outer?.aborted) return new ProviderError('cloudflare', 'cancelled', 'Cloudflare request cancelled')
  if (timeout.aborted || e instanceof APIConnectionTimeoutError || e instanceof APIUserAbortError) {
    return new ProviderError('cloudflare', 'timeout', `Cloudflare did not answer within ${Math.round(timeoutMs / 1000)} s`)
  }
  if (e instanceof APIError && typeof e.status === 'number') {
    const err = statusError('cloudflare', e.status, parseRetryAfter(e.headers?.get('retry-after')))
    const code = e.errors?.[0]
    if (err.kind === 'auth' && code?.message) return new ProviderError('cloudflare', 'auth', `${err.message} — Cloudflare said: ${code.message}`, { status: e.status })
    return err
  }
  if (e instanceof APIError) return new ProviderError('cloudflare', 'network', `Cloudflare could not be reached (${e.message})`)
  if (e instanceof SyntaxError) return new ProviderError('cloudflare', 'invalid_response', 'Cloudflare answered with invalid JSON')
  return new ProviderError('cloudflare', 'invalid_response', `Cloudflare answered unexpectedly (${(e as Error)?.message ?? String(e)})`)
}

/** Throw when the SDK handed back something other than the expected shape (e.g. a text body). */
export function expectShape<T>(value: unknown, ok: (v: unknown) => boolean, what: string): T {
  if (!ok(value)) throw new ProviderError('cloudflare', 'invalid_response', `Cloudflare answered without a valid ${what}`)
  return value as T
}
