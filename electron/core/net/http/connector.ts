import net from 'node:net'
import tls from 'node:tls'
import type buildConnector from 'undici/types/connector'
import type { AllowedPrivate, EgressPolicy } from '../egress'
import type { Redirection } from './types'

/** Timings of one new connection, keyed by its socket. */
export interface ConnTiming {
  dnsMs: number
  connectMs: number
  tlsMs: number
  redirected?: Redirection
  /** A private address the engagement's private targets allowed this connection to reach. */
  privateTarget?: AllowedPrivate
}

export const connTimings = new WeakMap<net.Socket, ConnTiming>()

export interface ConnectorOptions {
  /** Connect-to routing and the private-address rules (applied after DNS, per connection). */
  policy: EgressPolicy
  /** Trusts the system roots plus the profile's extra CAs (see trustedContext). */
  secureContext: tls.SecureContext
  connectMs: number
  lookup: net.LookupFunction
  /** Told about every connection the connect-to map rewrote. */
  onRedirect?: (r: Redirection) => void
  /** Offer h2 by ALPN before http/1.1 (else http/1.1 only). */
  h2?: boolean
}


/**
 * An undici connector that routes through the egress policy (connect-to rewrites keep SNI and
 * Host as the original name; private addresses are refused after resolution), resolves through
 * the given lookup, trusts the given CAs and records DNS/connect/TLS timings per socket.
 * ALPN offers h2 (then http/1.1) only with `h2` (for a dispatcher made with `allowH2`).
 */
export function createConnector(o: ConnectorOptions): buildConnector.connector {
  return (opts, callback) => {
    const https = opts.protocol === 'https:'
    const port = Number(opts.port) || (https ? 443 : 80)
    const name = opts.hostname.replace(/^\[|\]$/g, '')
    const timing: ConnTiming = { dnsMs: 0, connectMs: 0, tlsMs: 0 }
    let to
    try {
      to = o.policy.route(name, port, o.lookup, (a) => (timing.privateTarget = a))
    } catch (e) {
      return callback(e as Error, null)
    }
    if (to.rule) {
      timing.redirected = { from: `${name}:${port}`, to: `${to.host}:${to.port}` }
      o.onRedirect?.(timing.redirected)
    }
    const t0 = performance.now()
    let tLookup = t0
    let tConnect = t0
    let settled = false
    const settle = (err: Error | null, s?: net.Socket) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (err) {
        socket.destroy()
        callback(err, null)
      } else callback(null, s as net.Socket)
    }
    const servername = net.isIP(name) ? undefined : (opts.servername ?? name)
    const socket: net.Socket = https
      ? tls.connect({ host: to.host, port: to.port, servername, secureContext: o.secureContext, lookup: to.lookup, ALPNProtocols: o.h2 ? ['h2', 'http/1.1'] : ['http/1.1'] })
      : net.connect({ host: to.host, port: to.port, lookup: to.lookup })
    const timer = setTimeout(() => settle(Object.assign(new Error(`connect to ${to.host}:${to.port} timed out after ${o.connectMs} ms`), { code: 'ETIMEDOUT' })), o.connectMs)
    socket.once('lookup', () => {
      tLookup = performance.now()
      timing.dnsMs = Math.round(tLookup - t0)
    })
    socket.once('connect', () => {
      tConnect = performance.now()
      timing.connectMs = Math.round(tConnect - tLookup)
      if (!https) {
        connTimings.set(socket, timing)
        settle(null, socket)
      }
    })
    socket.once('secureConnect', () => {
      timing.tlsMs = Math.round(performance.now() - tConnect)
      connTimings.set(socket, timing)
      settle(null, socket)
    })
    socket.once('error', (e) => settle(e))
  }
}
