import { Agent, request as undiciRequest } from 'undici'
import { KeyedLimiter } from '../../checks/limiter'
import type { Resolver } from '../dns/resolver'
import type { NetworkProfile } from '../profile'
import { connTimings, createConnector, type ConnectorOptions } from './connector'
import { egressPolicy } from '../egress'
import { trustedContext } from '../tls-context'
import { firstUse, tagged, type RequestTag } from './correlate'
import { toHttpError } from './errors'
import { followRedirects } from './follow'
import { makeLookup, resolverFor } from './lookup'
import { HttpError, isHttpError, type HttpChain, type HttpExchange, type Redirection, type RequestOptions } from './types'

export const DEFAULT_BODY_CAP = 2 * 1024 * 1024

export interface HttpClientOptions {
  /** The run's DNS resolver; without one, names go to the system resolver. */
  resolver?: Resolver
}

/**
 * The HTTP client of one run: one undici Agent (connection reuse; a second one, made on first
 * use, for requests that take HTTP/2), the connect-to map and extra CAs in its connector, a
 * per-host concurrency limit, capped bodies and whole-request timeouts.
 * Redirects are never followed implicitly: `follow` records every hop.
 */
export class HttpClient {
  private readonly agent: Agent
  /** HTTP/2 where the server offers it (ALPN h2, then http/1.1); only for requests that ask (`http2`). */
  private h2agent?: Agent
  private readonly connector: ConnectorOptions
  private readonly limiter: KeyedLimiter
  private readonly redirects = new Map<string, Redirection>()
  private readonly memos = new Map<string, Promise<unknown>>()

  constructor(
    readonly profile: NetworkProfile,
    o: HttpClientOptions = {},
  ) {
    this.limiter = new KeyedLimiter(profile.perHostConcurrency)
    this.connector = {
      policy: egressPolicy(profile),
      secureContext: trustedContext(profile.extraCaPem),
      connectMs: profile.timeouts.connectMs,
      lookup: makeLookup(resolverFor(profile, o.resolver)),
      onRedirect: (r) => this.redirects.set(r.from, r),
    }
    this.agent = this.makeAgent(false)
  }

  /**
   * One Agent: per host up to perHostConcurrency connections kept alive 2 s. With `h2` the
   * connector offers h2 by ALPN and a host that takes it gets one connection, its requests
   * multiplexed as streams; a host that answers http/1.1 gets the usual pool. Both connect
   * through createConnector with the same egress policy, so it applies to every socket of either.
   */
  private makeAgent(h2: boolean): Agent {
    const t = this.profile.timeouts.requestMs
    return new Agent({ connect: createConnector({ ...this.connector, h2 }), allowH2: h2, connections: Math.max(1, this.profile.perHostConcurrency), headersTimeout: t, bodyTimeout: t, keepAliveTimeout: 2000, keepAliveMaxTimeout: 5000 })
  }

  /** One request, no redirect following. Throws HttpError when no response could be had. */
  async request(url: string, o: RequestOptions = {}): Promise<HttpExchange> {
    let u: URL
    try {
      u = new URL(url)
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)')
    } catch {
      throw new HttpError('bad-url', `"${url}" is not an http(s) URL`, url)
    }
    return this.limiter.run(u.hostname, () => this.send(u, o))
  }

  /** Follow redirects by hand (GET), recording each hop; never throws for network trouble. */
  follow(url: string, o: RequestOptions & { maxHops?: number } = {}): Promise<HttpChain> {
    return followRedirects((next) => this.request(next, o), url, o.maxHops ?? 10)
  }

  /** Compute something once per run (e.g. the canonical origin several checks need). */
  memo<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let p = this.memos.get(key) as Promise<T> | undefined
    if (!p) {
      p = fn()
      this.memos.set(key, p)
      // A cancelled computation must not poison the memo for the run's other checks.
      p.catch((e) => isHttpError(e) && e.kind === 'aborted' && this.memos.delete(key))
    }
    return p
  }

  /** Connections the connect-to map sent elsewhere so far in this run. */
  redirected(): Redirection[] {
    return [...this.redirects.values()]
  }

  /** Close every connection at once: the run is over, so a request still in flight was abandoned. */
  async close(): Promise<void> {
    await Promise.all([this.agent.destroy(), this.h2agent?.destroy()])
  }

  private async send(u: URL, o: RequestOptions): Promise<HttpExchange> {
    const method = o.method ?? 'GET'
    const maxBytes = o.maxBytes ?? DEFAULT_BODY_CAP
    const timeoutMs = o.timeoutMs ?? this.profile.timeouts.requestMs
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = o.signal ? AbortSignal.any([timeout, o.signal]) : timeout
    const tag: RequestTag = {}
    const t0 = performance.now()
    const url = u.toString()
    const dispatcher = o.http2 ? (this.h2agent ??= this.makeAgent(true)) : this.agent
    try {
      const res = await tagged(tag, () =>
        undiciRequest(u, { method, headers: { 'user-agent': 'HandoverConsole/1 (launch audit)', accept: '*/*', ...o.headers }, ...(o.body !== undefined ? { body: o.body } : {}), dispatcher, signal }),
      )
      const firstByteMs = Math.round(performance.now() - t0)
      const chunks: Buffer[] = []
      let bodyBytes = 0
      let truncated = false
      if (method !== 'HEAD') {
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          const room = maxBytes - bodyBytes
          chunks.push(room >= chunk.length ? chunk : chunk.subarray(0, Math.max(0, room)))
          bodyBytes += chunk.length
          // Stop reading past the cap: the rest of a huge body is never pulled in.
          if (bodyBytes > maxBytes) {
            truncated = true
            res.body.destroy()
            break
          }
        }
      } else res.body.resume()
      // Let undici mark the connection idle before the caller's next request, so it is reused.
      await new Promise((r) => setImmediate(r))
      const conn = tag.socket ? connTimings.get(tag.socket) : undefined
      const fresh = tag.socket ? firstUse(tag.socket) : true
      const timing = {
        dnsMs: fresh ? (conn?.dnsMs ?? 0) : 0,
        connectMs: fresh ? (conn?.connectMs ?? 0) : 0,
        tlsMs: fresh ? (conn?.tlsMs ?? 0) : 0,
        firstByteMs,
        totalMs: Math.round(performance.now() - t0),
        reused: !fresh,
      }
      const path = `${u.pathname}${u.search}`
      const protocol = (tag.socket as { alpnProtocol?: string | false } | undefined)?.alpnProtocol === 'h2' ? 'h2' : 'http/1.1'
      return {
        url,
        method,
        requestLine: `${method} ${path} ${protocol === 'h2' ? 'HTTP/2' : 'HTTP/1.1'}`,
        protocol,
        status: res.statusCode,
        headers: res.headers as Record<string, string | string[]>,
        body: Buffer.concat(chunks),
        bodyBytes,
        truncated,
        timing,
        ...(conn?.redirected ? { redirected: conn.redirected } : {}),
        ...(conn?.privateTarget ? { privateTarget: conn.privateTarget } : {}),
      }
    } catch (e) {
      throw toHttpError(e, url, timeout.aborted ? timeoutMs : undefined, o.signal)
    }
  }
}

