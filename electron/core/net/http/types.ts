import { AppError } from '@shared/errors'
import type { AllowedPrivate } from '../egress'

/** Why a request could not complete. */
export type HttpErrorKind = 'timeout' | 'refused' | 'dns' | 'tls' | 'network' | 'aborted' | 'bad-url' | 'blocked'

/** An expected HTTP failure (unreachable, timed out, bad certificate): a result, not a crash. */
export class HttpError extends AppError {
  constructor(
    readonly kind: HttpErrorKind,
    message: string,
    readonly url: string,
    /** For a refused private address: the address and its range ("127.0.0.1, loopback"). */
    readonly reason?: string,
  ) {
    super('unavailable', message)
    this.name = 'HttpError'
  }
}

export function isHttpError(e: unknown): e is HttpError {
  return e instanceof HttpError
}

/** Where each part of a request's time went, in ms. DNS/connect/TLS are 0 on a reused connection. */
export interface HttpTiming {
  dnsMs: number
  connectMs: number
  tlsMs: number
  firstByteMs: number
  totalMs: number
  reused: boolean
}

/** A connection that the connect-to map sent somewhere else (preflight before a DNS cutover). */
export interface Redirection {
  from: string
  to: string
}

/** One request and its response, as recorded. `body` stays in memory; evidence keeps an excerpt. */
export interface HttpExchange {
  url: string
  method: string
  /** "GET /path?q HTTP/1.1" ("HTTP/2" when the connection negotiated h2) */
  requestLine: string
  /** The protocol the connection negotiated (ALPN); plain http and no ALPN are http/1.1. */
  protocol: 'h2' | 'http/1.1'
  status: number
  headers: Record<string, string | string[]>
  body: Buffer
  /** Bytes read (never more than the cap plus one chunk). */
  bodyBytes: number
  /** The body was longer than the cap and reading stopped there. */
  truncated: boolean
  timing: HttpTiming
  /** Set when the connection went elsewhere through the connect-to map. */
  redirected?: Redirection
  /** Set when the connection reached a private address the engagement allows. */
  privateTarget?: AllowedPrivate
}

/** A request followed through its redirects, every hop recorded. */
export interface HttpChain {
  start: string
  hops: HttpExchange[]
  /** The last response (not a redirect), unless the chain ended in an error, loop or hop limit. */
  final?: HttpExchange
  error?: { kind: HttpErrorKind; message: string; url: string }
  loop?: boolean
  tooManyHops?: boolean
}

export interface RequestOptions {
  method?: string
  headers?: Record<string, string>
  /** A request body (probes and smoke flows post small, declared bodies). */
  body?: string
  signal?: AbortSignal
  /** Body size cap in bytes (default 2 MB). */
  maxBytes?: number
  /** Whole-request timeout: headers and body (default profile.timeouts.requestMs). */
  timeoutMs?: number
  /**
   * Use HTTP/2 when the server offers it by ALPN (one connection per host, requests multiplexed).
   * Only for requests that do not inspect HTTP/1.1 framing (route timing); off by default.
   */
  http2?: boolean
}
