import { ProviderError, parseRetryAfter, providerLabel, statusError } from './errors'
import type { FetchFn } from './fetch'
import { egressErrorOf } from '../net/egress'
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry'

export interface JsonRequest {
  provider: string
  fetch: FetchFn
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** A form body (UptimeRobot). */
  form?: Record<string, string>
  /** A JSON body (Porkbun carries its keys in it). */
  json?: unknown
  /** The provider's own words from an error body, added to the typed error's message. */
  explain?: (status: number, text: string) => string | undefined
  signal?: AbortSignal
  timeoutMs: number
  retry?: RetryPolicy
  /** Cap on the body size read, so a huge answer cannot exhaust memory. */
  maxBytes?: number
  /** Follow redirects (RDAP registries may refer to the registrar's server). */
  follow?: boolean
}

export interface JsonResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

const MAX_BYTES = 8 * 1024 * 1024

/**
 * GET/POST a JSON API with a per-attempt timeout, bounded retry on 429/5xx (honouring
 * Retry-After), cancellation through `signal`, and typed ProviderErrors for everything else.
 */
export function requestJson<T = unknown>(req: JsonRequest): Promise<JsonResponse<T>> {
  return withRetry(async () => {
    const res = await attemptText(req)
    try {
      return { status: res.status, headers: res.headers, body: JSON.parse(res.body) as T }
    } catch {
      throw new ProviderError(req.provider, 'invalid_response', `${providerLabel(req.provider)} answered with invalid JSON (HTTP ${res.status})`, { status: res.status })
    }
  }, req.signal, req.retry ?? DEFAULT_RETRY)
}

/** Like requestJson, for an API that answers in another format (Namecheap's XML): the body as text. */
export function requestText(req: JsonRequest): Promise<JsonResponse<string>> {
  return withRetry(() => attemptText(req), req.signal, req.retry ?? DEFAULT_RETRY)
}

async function attemptText(req: JsonRequest): Promise<JsonResponse<string>> {
  const timeout = AbortSignal.timeout(req.timeoutMs)
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers }
  let body: string | undefined
  if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(req.form).toString()
  } else if (req.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(req.json)
  }
  let res: Response
  let text: string
  try {
    res = await req.fetch(req.url, { method: req.method ?? 'GET', headers, body, signal, redirect: req.follow ? 'follow' : 'manual' })
    text = await readCapped(res, req.maxBytes ?? MAX_BYTES)
  } catch (e) {
    throw transportError(req.provider, e, req.signal, timeout, req.timeoutMs)
  }
  if (res.status >= 300) {
    const e = statusError(req.provider, res.status, parseRetryAfter(res.headers.get('retry-after')))
    const said = req.explain?.(res.status, text)?.replace(/\s+/g, ' ').trim().slice(0, 200)
    throw said ? new ProviderError(e.provider, e.kind, `${e.message} — ${providerLabel(req.provider)} said: ${said}`, { status: e.status, retryAfterMs: e.retryAfterMs }) : e
  }
  return { status: res.status, headers: res.headers, body: text }
}

async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      throw new RangeError(`response larger than ${max} bytes`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Classify a thrown fetch error: cancelled by the run, timed out, too big, or unreachable. */
export function transportError(provider: string, e: unknown, outer: AbortSignal | undefined, timeout: AbortSignal | undefined, timeoutMs: number): ProviderError {
  const name = providerLabel(provider)
  if (e instanceof ProviderError) return e
  if (outer?.aborted) return new ProviderError(provider, 'cancelled', `${name} request cancelled`)
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (timeout?.aborted || err.name === 'TimeoutError' || /timeout/i.test(err.cause?.code ?? '')) {
    return new ProviderError(provider, 'timeout', `${name} did not answer within ${Math.round(timeoutMs / 1000)} s`)
  }
  if (e instanceof RangeError) return new ProviderError(provider, 'invalid_response', `${name} sent a ${e.message}`)
  const egress = egressErrorOf(e)
  if (egress) return new ProviderError(provider, 'network', `${name} was not contacted: ${egress.message}`)
  const why = err.cause?.code ?? err.cause?.message ?? err.message ?? 'unknown error'
  return new ProviderError(provider, 'network', `${name} could not be reached (${why})`)
}
