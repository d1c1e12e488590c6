import { loadedCloudflareSdk } from './sdk'
import { ProviderError, parseRetryAfter, statusError } from '../errors'

/** Map whatever the Cloudflare SDK threw to a typed ProviderError (no token ever in the message). */
export function cloudflareError(e: unknown, outer: AbortSignal | undefined, timeout: AbortSignal, timeoutMs: number): ProviderError {
  if (e instanceof ProviderError) return e
  const sdk = loadedCloudflareSdk()
  const is = <K extends 'APIConnectionTimeoutError' | 'APIError' | 'APIUserAbortError'>(k: K): boolean => !!sdk && e instanceof sdk[k]
  if (outer?.aborted) return new ProviderError('cloudflare', 'cancelled', 'Cloudflare request cancelled')
  if (timeout.aborted || is('APIConnectionTimeoutError') || is('APIUserAbortError')) {
    return new ProviderError('cloudflare', 'timeout', `Cloudflare did not answer within ${Math.round(timeoutMs / 1000)} s`)
  }
  if (is('APIError') && typeof (e as { status?: unknown }).status === 'number') {
    const api = e as { status: number; headers?: Headers; errors?: { message?: string }[] }
    const err = statusError('cloudflare', api.status, parseRetryAfter(api.headers?.get('retry-after')))
    const code = api.errors?.[0]
    if (err.kind === 'auth' && code?.message) return new ProviderError('cloudflare', 'auth', `${err.message} — Cloudflare said: ${code.message}`, { status: api.status })
    return err
  }
  if (is('APIError')) return new ProviderError('cloudflare', 'network', `Cloudflare could not be reached (${(e as Error).message})`)
  if (e instanceof SyntaxError) return new ProviderError('cloudflare', 'invalid_response', 'Cloudflare answered with invalid JSON')
  return new ProviderError('cloudflare', 'invalid_response', `Cloudflare answered unexpectedly (${(e as Error)?.message ?? String(e)})`)
}

/** Throw when the SDK handed back something other than the expected shape (e.g. a text body). */
export function expectShape<T>(value: unknown, ok: (v: unknown) => boolean, what: string): T {
  if (!ok(value)) throw new ProviderError('cloudflare', 'invalid_response', `Cloudflare answered without a valid ${what}`)
  return value as T
}
