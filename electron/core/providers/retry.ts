import { ProviderError } from './errors'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  /** Total time the retries may spend waiting, whatever Retry-After says. */
  maxTotalWaitMs: number
  /** Backoff when the server gives no Retry-After. */
  baseDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, maxTotalWaitMs: 8000, baseDelayMs: 300 }

/** Sleep that ends early (rejecting) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Run `attempt` again on rate limits and server errors, waiting as Retry-After asks, within a
 * bounded number of attempts and a capped total wait. A wait longer than what is left of the
 * budget is not started: the last error is thrown at once so a run never stalls on a provider.
 */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, signal?: AbortSignal, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  let waited = 0
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (e) {
      if (!(e instanceof ProviderError) || !e.retryable || n >= policy.attempts) throw e
      const wait = e.retryAfterMs ?? policy.baseDelayMs * 2 ** (n - 1)
      if (waited + wait > policy.maxTotalWaitMs) {
        const asked = e.retryAfterMs !== undefined ? ` (it asked to wait ${Math.ceil(e.retryAfterMs / 1000)} s)` : ''
        throw new ProviderError(e.provider, e.kind, `${e.message}${asked}`, { status: e.status, retryAfterMs: e.retryAfterMs })
      }
      waited += wait
      await sleep(wait, signal)
    }
  }
}
