import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse, url: URL) => void
export interface Reply {
  status?: number
  headers?: Record<string, string>
  /** A JSON value, or raw text when `raw` is set. */
  json?: unknown
  raw?: string
  /** Never answer (the client must time out). */
  hang?: boolean
}

/**
 * A real HTTP server on 127.0.0.1:0 answering from a route function; it records requests
 * (method, path, auth header presence) so tests can assert retries and pagination.
 */
export async function startFakeApi(route: (method: string, url: URL, body: string, headers: IncomingMessage['headers']) => Reply | Reply[]): Promise<{
  base: string
  calls: { method: string; path: string; auth?: string }[]
  close(): Promise<void>
}> {
  const calls: { method: string; path: string; auth?: string }[] = []
  const counters = new Map<string, number>()
  const hung: ServerResponse[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      calls.push({ method: req.method ?? 'GET', path: url.pathname + url.search, auth: req.headers.authorization })
      let r = route(req.method ?? 'GET', url, body, req.headers)
      if (Array.isArray(r)) {
        // A sequence: the nth call to this path gets the nth reply (the last one repeats).
        const k = `${req.method} ${url.pathname}`
        const n = counters.get(k) ?? 0
        counters.set(k, n + 1)
        r = r[Math.min(n, r.length - 1)]
      }
      if (r.hang) return void hung.push(res)
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers })
      res.end(r.raw ?? JSON.stringify(r.json ?? {}))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hung) r.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A Cloudflare v4 envelope. */
export function cfEnvelope(result: unknown, info?: Record<string, number>): Reply {
  return { json: { success: true, errors: [], messages: [], result, ...(info ? { result_info: info } : {}) } }
}
