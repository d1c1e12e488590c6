import https from 'node:https'
import http2 from 'node:http2'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webHostSchema } from '../../../electron/lab/scenario/web-schema'
import { labCa } from '../../../electron/lab/tls/ca'
import { startWebHost, type WebHost } from '../../../electron/lab/web/host'

const ca = labCa()
let h2host: WebHost
let h1host: WebHost
const LATENCY = 40

const routes = {
  '/': { body: '<!doctype html><title>both</title>', headers: { 'X-Lab': 'same' } },
  '/big': { size: '200KB' },
  '/drip': { body: 'abcdefghij', drip: { chunkBytes: 2, intervalMs: 5 } },
  // Ten seconds of dripping: a client that leaves must not keep it going.
  '/slow': { body: 'x'.repeat(1000), drip: { chunkBytes: 1, intervalMs: 10 } },
}
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length

beforeAll(async () => {
  h2host = await startWebHost('h2.w.example', 'w.example', webHostSchema.parse({ routes }), ca, LATENCY)
  h1host = await startWebHost('h1.w.example', 'w.example', webHostSchema.parse({ http2: false, routes }), ca, LATENCY)
})
afterAll(async () => {
  await Promise.all([h2host?.close(), h1host?.close()])
})

/** The protocol a TLS handshake offering `alpn` settles on. */
function negotiate(h: WebHost, alpn: string[]): Promise<string | false | null> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: '127.0.0.1', port: h.httpsPort, servername: h.name, ca: ca.certPem, ALPNProtocols: alpn }, () => {
      resolve(s.alpnProtocol)
      s.end()
    })
    s.once('error', reject)
  })
}

/** GET over an h2 session: status, a header, the body and when the headers came (ms after `t0`). */
function get2(session: http2.ClientHttp2Session, path: string, t0: number): Promise<{ status: number; lab?: string; body: Buffer; ms: number }> {
  return new Promise((resolve, reject) => {
    const req = session.request({ ':path': path })
    let status = 0
    let lab: string | undefined
    let ms = 0
    const chunks: Buffer[] = []
    req.on('response', (h) => {
      status = Number(h[':status'])
      lab = h['x-lab'] as string | undefined
      ms = performance.now() - t0
    })
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve({ status, lab, body: Buffer.concat(chunks), ms }))
    req.on('error', reject)
    req.end()
  })
}

describe('a lab HTTPS host offers h2 by ALPN beside http/1.1, unless its scenario says http2: false', () => {
  it('negotiates h2 when offered, http/1.1 for a client that asks for it, and only http/1.1 on an HTTP/1.1-only host', async () => {
    expect(await negotiate(h2host, ['h2', 'http/1.1'])).toBe('h2')
    expect(await negotiate(h2host, ['http/1.1'])).toBe('http/1.1')
    expect(await negotiate(h1host, ['h2', 'http/1.1'])).toBe('http/1.1')
  })

  it('serves the same routes over h2, several streams on one connection that pays the setup round trips once', async () => {
    const before = h2host.connections()
    const t0 = performance.now()
    const session = http2.connect(`https://127.0.0.1:${h2host.httpsPort}`, { ca: ca.certPem, servername: h2host.name })
    try {
      const first = await get2(session, '/', t0)
      expect([first.status, first.lab, first.body.toString()]).toEqual([200, 'same', '<!doctype html><title>both</title>'])
      // TCP and a TLS 1.3 handshake (one round trip each) before the request's own round trip.
      expect(first.ms).toBeGreaterThanOrEqual(3 * LATENCY)
      const t1 = performance.now()
      const [big, drip, again] = await Promise.all([get2(session, '/big', t1), get2(session, '/drip', t1), get2(session, '/', t1)])
      expect(big.body.length).toBe(200 * 1024)
      expect(drip.body.toString()).toBe('abcdefghij')
      expect(again.ms).toBeGreaterThanOrEqual(LATENCY)
      const after = h2host.connections()
      expect([after.https - before.https, after.h2 - before.h2]).toEqual([1, 1])
      expect(h2host.requests()).toMatchObject({ 'GET /': 2, 'GET /big': 1, 'GET /drip': 1 })
    } finally {
      session.close()
    }
  })

  it('still answers an HTTP/1.1 client on the h2 host as before, and counts no h2 connection for it', async () => {
    const before = h2host.connections()
    const r = await new Promise<{ version: string; body: string; server?: string }>((resolve, reject) => {
      const req = https.get({ host: '127.0.0.1', port: h2host.httpsPort, servername: h2host.name, ca: ca.certPem, path: '/', headers: { host: h2host.name } }, (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ version: res.httpVersion, body, server: res.headers.server as string | undefined }))
      })
      req.on('error', reject)
    })
    expect(r).toEqual({ version: '1.1', body: '<!doctype html><title>both</title>', server: 'handover-lab' })
    expect(h2host.connections().h2 - before.h2).toBe(0)
    expect(h2host.connections().https - before.https).toBe(1)
  })

  it('stops dripping to an h2 client that cancelled its stream', async () => {
    const session = http2.connect(`https://127.0.0.1:${h2host.httpsPort}`, { ca: ca.certPem, servername: h2host.name })
    try {
      await get2(session, '/', performance.now())
      const idle = timers()
      const req = session.request({ ':path': '/slow' })
      await new Promise<void>((resolve) => req.once('data', () => resolve()))
      expect(timers()).toBeGreaterThan(idle) // the drip's next chunk is scheduled
      req.close(http2.constants.NGHTTP2_CANCEL)
      await new Promise((r) => setTimeout(r, 200))
      expect(timers()).toBeLessThanOrEqual(idle)
    } finally {
      session.close()
    }
  })
})
