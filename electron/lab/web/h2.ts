import type { IncomingMessage, ServerResponse } from 'node:http'
import http2 from 'node:http2'
import type { SecureContextOptions } from 'node:tls'
import type { WebHostSpec } from '../scenario/web-schema'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** A host offers h2 when its scenario says so (the default) and its TLS reaches 1.2 (h2 needs 1.2 or later). */
export function offersH2(spec: WebHostSpec): boolean {
  return spec.http2 && (spec.tls.max === 'TLSv1.2' || spec.tls.max === 'TLSv1.3')
}

/**
 * An HTTPS server that offers h2 by ALPN alongside http/1.1 (a client that asks for neither, or
 * only for http/1.1, gets HTTP/1.1 as from node:https) and runs the same handler for both. An
 * h2 response lacks `destroyed`, which the handlers read to stop writing to a client that left:
 * it is given the stream's. `onSession` is told of every h2 connection.
 */
export function h2Server(tls: SecureContextOptions, handler: Handler, onSession: () => void): http2.Http2SecureServer {
  const s = http2.createSecureServer({ ...tls, allowHTTP1: true }, (req, res) => {
    if (req.httpVersionMajor === 2) Object.defineProperty(res, 'destroyed', { get: () => res.stream.destroyed })
    handler(req as unknown as IncomingMessage, res as unknown as ServerResponse)
  })
  s.on('session', onSession)
  return s
}
