import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { SecureContextOptions } from 'node:tls'
import type { Ca } from '../tls/ca'
import { issueHostCert } from '../tls/certs'
import type { WebHostSpec } from '../scenario/web-schema'
import { handle, type HostState } from './respond'

export interface WebHost {
  name: string
  /** 0 when nothing listens (http: false / https: false). */
  httpPort: number
  httpsPort: number
  /** Requests received so far, by "METHOD /path". */
  requests(): Record<string, number>
  /** Swap in a new spec (after a fix): routes at once, certificate and TLS versions for new handshakes. */
  update(spec: WebHostSpec): void
  close(): Promise<void>
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

/**
 * Start one lab web host: an HTTP and an HTTPS listener on their own ephemeral ports (so TLS
 * versions can differ per host). A `hang` host accepts TCP and never says a word, not even TLS.
 */
export async function startWebHost(name: string, domain: string, spec: WebHostSpec, ca: Ca, baseLatencyMs: number): Promise<WebHost> {
  const st: HostState = { name, domain, spec, baseLatencyMs, edgeSeen: new Set(), timers: new Set(), counts: new Map(), hits: new Map() }
  const sockets = new Set<net.Socket>()
  const servers: net.Server[] = []
  let tlsServer: https.Server | undefined
  const mute = () => tracked(net.createServer(() => {}), sockets)
  let httpPort = 0
  let httpsPort = 0
  if (spec.http !== false) {
    const s = spec.hang ? mute() : tracked(http.createServer((req, res) => handle(st, 'http', req, res)), sockets)
    servers.push(s)
    httpPort = await listen(s)
  }
  if (spec.https) {
    if (spec.hang) {
      const s = mute()
      servers.push(s)
      httpsPort = await listen(s)
    } else {
      tlsServer = https.createServer(tlsOptions(name, spec, ca), (req, res) => handle(st, 'https', req, res))
      // Handshake failures (old clients, wrong versions) are the scenario working, not errors.
      tlsServer.on('tlsClientError', () => {})
      tracked(tlsServer, sockets)
      servers.push(tlsServer)
      httpsPort = await listen(tlsServer)
    }
  }
  return {
    name,
    httpPort,
    httpsPort,
    requests: () => Object.fromEntries(st.counts),
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
