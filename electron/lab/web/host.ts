import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { SecureContextOptions } from 'node:tls'
import type { Ca } from '../tls/ca'
import { issueHostCert } from '../tls/certs'
import type { WebHostSpec } from '../scenario/web-schema'
import { handle, type HostState } from './respond'
import { h2Server, offersH2 } from './h2'

export interface WebHost {
  name: string
  /** 0 when nothing listens (http: false / https: false). */
  httpPort: number
  httpsPort: number
  /** Requests received so far, by "METHOD /path". */
  requests(): Record<string, number>
  /** Connections accepted so far: on the HTTP and HTTPS listeners, and of the HTTPS ones those that spoke h2. */
  connections(): HostConnections
  /** Swap in a new spec (after a fix): routes at once, certificate and TLS versions for new handshakes. */
  update(spec: WebHostSpec): void
  close(): Promise<void>
}

export interface HostConnections {
  http: number
  https: number
  h2: number
}

/** TLS settings for a host: its certificate and protocol range (legacy versions need SECLEVEL=0 on OpenSSL 3). */
function tlsOptions(name: string, spec: WebHostSpec, ca: Ca): SecureContextOptions {
  const c = issueHostCert(name, spec.cert, ca)
  const legacy = spec.tls.min === 'TLSv1' || spec.tls.min === 'TLSv1.1'
  return { key: c.keyPem, cert: c.certPem, minVersion: spec.tls.min, maxVersion: spec.tls.max, ...(legacy ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}) }
}

type Closable = net.Server
const listen = (s: Closable): Promise<number> =>
  new Promise((res, rej) => {
    s.once('error', rej)
    s.listen(0, '127.0.0.1', () => res((s.address() as net.AddressInfo).port))
  })

/** Track sockets so close() can end hanging and keep-alive connections too. */
function tracked<T extends net.Server>(s: T, sockets: Set<net.Socket>): T {
  s.on('connection', (sock: net.Socket) => {
    sockets.add(sock)
    sock.on('close', () => sockets.delete(sock))
  })
  return s
}

/** Round trips a TLS handshake costs before the client can send a request: 1 with TLS 1.3, 2 before it. */
export function handshakeRoundTrips(tls: WebHostSpec['tls']): number {
  return tls.max === 'TLSv1.3' ? 1 : 2
}

/**
 * A listener that costs what a network costs: each accepted connection waits `setupMs` (the TCP
 * handshake, and the TLS handshake's round trips for HTTPS) before `inner` reads a byte of it, so
 * a client's first response on a new connection comes that much later, and a reused connection
 * pays nothing. The socket stays paused (the client's first bytes wait in the kernel) meanwhile.
 */
function withSetupDelay(inner: net.Server, setupMs: () => number, st: HostState, sockets: Set<net.Socket>, onAccept: () => void): net.Server {
  return tracked(
    net.createServer({ pauseOnConnect: true }, (sock) => {
      onAccept()
      const handOver = () => {
        if (sock.destroyed) return
        inner.emit('connection', sock)
        sock.resume()
      }
      const ms = setupMs()
      if (ms <= 0) return handOver()
      const t = setTimeout(() => {
        st.timers.delete(t)
        handOver()
      }, ms)
      st.timers.add(t)
    }),
    sockets,
  )
}

/**
 * Start one lab web host: an HTTP and an HTTPS listener on their own ephemeral ports (so TLS
 * versions can differ per host). HTTPS offers h2 by ALPN alongside http/1.1 (./h2.ts) unless the
 * host says `http2: false` or tops out below TLS 1.2; the handlers and the latency are the same
 * for both (an h2 connection pays the same setup, then each stream one round trip). A `hang` host accepts TCP and never says a word, not even TLS.
 * With a network latency (the lab's `latencyMs` and the scenario's `web.latencyMs`, one round
 * trip), a new connection costs one round trip for TCP and one (TLS 1.3) or two (TLS 1.2 and
 * before, by the host's highest version) for TLS before its first request is read; each request
 * then waits one round trip more (./respond.ts).
 */
export async function startWebHost(name: string, domain: string, spec: WebHostSpec, ca: Ca, baseLatencyMs: number): Promise<WebHost> {
  const st: HostState = { name, domain, spec, baseLatencyMs, edgeSeen: new Set(), timers: new Set(), counts: new Map(), hits: new Map() }
  const sockets = new Set<net.Socket>()
  const servers: net.Server[] = []
  let tlsServer: https.Server | ReturnType<typeof h2Server> | undefined
  const conns: HostConnections = { http: 0, https: 0, h2: 0 }
  const mute = () => tracked(net.createServer(() => {}), sockets)
  let httpPort = 0
  let httpsPort = 0
  if (spec.http !== false) {
    if (spec.hang) {
      const s = mute()
      servers.push(s)
      httpPort = await listen(s)
    } else {
      const inner = http.createServer((req, res) => handle(st, 'http', req, res))
      const s = withSetupDelay(inner, () => st.baseLatencyMs, st, sockets, () => conns.http++)
      servers.push(s, inner)
      httpPort = await listen(s)
    }
  }
  if (spec.https) {
    if (spec.hang) {
      const s = mute()
      servers.push(s)
      httpsPort = await listen(s)
    } else {
      const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => handle(st, 'https', req, res)
      // h2 by ALPN alongside http/1.1 unless the scenario keeps the host on HTTP/1.1 (`http2: false`).
      tlsServer = offersH2(spec) ? h2Server(tlsOptions(name, spec, ca), onRequest, () => conns.h2++) : https.createServer(tlsOptions(name, spec, ca), onRequest)
      // Handshake failures (old clients, wrong versions) are the scenario working, not errors.
      tlsServer.on('tlsClientError', () => {})
      const s = withSetupDelay(tlsServer, () => st.baseLatencyMs * (1 + handshakeRoundTrips(st.spec.tls)), st, sockets, () => conns.https++)
      servers.push(s, tlsServer)
      httpsPort = await listen(s)
    }
  }
  return {
    name,
    httpPort,
    httpsPort,
    requests: () => Object.fromEntries(st.counts),
    connections: () => ({ ...conns }),
    update(next) {
      const certChanged = JSON.stringify([next.cert, next.tls]) !== JSON.stringify([st.spec.cert, st.spec.tls])
      st.spec = next
      if (certChanged && tlsServer) tlsServer.setSecureContext(tlsOptions(name, next, ca))
    },
    async close() {
      for (const t of st.timers) clearTimeout(t)
      st.timers.clear()
      for (const s of sockets) s.destroy()
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))))
    },
  }
}
