import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { DEFAULT_PROFILE, type ConnectToRule, type NetworkProfile } from '../../../../electron/core/net/profile'
import type { TestPki } from '../../../unit/net/tls/pki'

export type Handler = (req: IncomingMessage, res: ServerResponse) => void

export interface HostSpec {
  /** HTTPS behaviour; absent: nothing listens on 443 (refused). */
  https?: Handler
  /** Plain HTTP behaviour; absent: nothing listens on 80 (refused). */
  http?: Handler
  cert?: { names?: string[]; fromDays?: number; toDays?: number; selfSigned?: boolean }
  /** Accept TLS 1.0/1.1 too. */
  legacyTls?: boolean
}

export interface Web {
  profile: NetworkProfile
  close(): Promise<void>
}

async function closedPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as net.AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

async function listen(s: http.Server): Promise<number> {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  return (s.address() as net.AddressInfo).port
}

/**
 * Loopback web hosts for tests: each name gets its own HTTPS (certificate from the test PKI)
 * and HTTP server; the profile's connect-to map routes name:443/80 there and every other
 * host:port to a closed loopback port, so nothing leaves the machine.
 */
export async function startWeb(pki: TestPki, hosts: Record<string, HostSpec>, timeouts: Partial<NetworkProfile['timeouts']> = {}): Promise<Web> {
  const servers: http.Server[] = []
  const rules: ConnectToRule[] = []
  const dead = await closedPort()
  for (const [name, spec] of Object.entries(hosts)) {
    for (const port of [443, 80] as const) {
      const h = port === 443 ? spec.https : spec.http
      if (!h) {
        rules.push({ host: name, port, toHost: '127.0.0.1', toPort: dead })
        continue
      }
      const s =
        port === 443
          ? https.createServer(
              {
                key: pki.keyPem,
                cert: pki.leaf(spec.cert?.names ?? [name], spec.cert),
                ...(spec.legacyTls ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' } : { minVersion: 'TLSv1.2' as const }),
              },
              h,
            )
          : http.createServer(h)
      servers.push(s)
      rules.push({ host: name, port, toHost: '127.0.0.1', toPort: await listen(s) })
    }
  }
  rules.push({ host: '', port: 0, toHost: '127.0.0.1', toPort: dead })
  return {
    profile: {
      ...DEFAULT_PROFILE,
      resolvers: ['127.0.0.1:1'],
      connectTo: rules,
      extraCaPem: [pki.caPem],
      timeouts: { dnsMs: 300, connectMs: 1500, requestMs: 1500, checkMs: 15_000, ...timeouts },
      perHostConcurrency: 4,
    },
    async close() {
      for (const s of servers) s.closeAllConnections()
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))))
    },
  }
}

/** Answer with a body and headers. */
export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers })
  res.end(body)
}

/** A permanent redirect to `to` + the request's path and query. */
export const redirectTo =
  (origin: string, status = 301): Handler =>
  (req, res) => {
    res.writeHead(status, { location: `${origin}${req.url}` })
    res.end()
  }
