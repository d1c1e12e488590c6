import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { faultMatches, findRoute, splitProvider } from './router'
import type { FaultSpec } from './schema'
import type { ApiReply, ApiRequest, ProviderApi, World } from './types'

const MAX_BODY = 64 * 1024

/** The running HTTP server behind every provider API; `world` may be swapped (reload). */
export interface ApiServer {
  origin: string
  setWorld(world: World): void
  close(): Promise<void>
}

/**
 * Start one HTTP server on 127.0.0.1:0 that routes `/<provider>/...` to each API, applying the
 * scenario's latency and faults first, then the provider's auth, then the route.
 */
export async function startApiServer(apis: ProviderApi[], initial: (origin: string) => World): Promise<ApiServer> {
  let world: World
  const used = new Map<FaultSpec, number>()
  const timers = new Set<NodeJS.Timeout>()
  let closing = false

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || closing) return resolve()
      const t = setTimeout(() => {
        timers.delete(t)
        resolve()
      }, ms)
      timers.add(t)
    })

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, { status: 500, body: { error: 'lab provider server error' } })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', world.origin)
    const hit = splitProvider(apis, url.pathname.replace(/\/+$/, '') || '/')
    if (!hit) return send(res, { status: 404, body: { error: 'no such lab provider', path: url.pathname } })
    const { api, rest } = hit
    const method = (req.method ?? 'GET').toUpperCase()
    const form = new URLSearchParams(url.search)
    if (/x-www-form-urlencoded/.test(String(req.headers['content-type'] ?? ''))) for (const [k, v] of new URLSearchParams(body)) form.set(k, v)
    const request: ApiRequest = { method, path: rest, query: url.searchParams, headers: req.headers, form, body, base: `${world.origin}${api.prefix}` }

    await wait(world.spec.latencyMs)
    const fault = world.spec.faults.find((f) => faultMatches(f, api.name, method, rest) && (f.times === undefined || (used.get(f) ?? 0) < f.times))
    if (fault) {
      used.set(fault, (used.get(fault) ?? 0) + 1)
      await wait(fault.latencyMs ?? 0)
      if (fault.kind === 'hang') return // never answered; close() destroys the socket
      if (fault.kind === 'reset') return void req.socket.destroy()
      if (fault.kind === 'invalid-json') return sendRaw(res, 200, '{"success":true,"result":[{"id":"', api.name === 'rdap' ? 'application/rdap+json' : 'application/json')
      if (fault.status) {
        const reply = api.error(fault.status, faultMessage(fault.status))
        if (fault.retryAfter !== undefined) reply.headers = { ...reply.headers, 'retry-after': String(fault.retryAfter) }
        return send(res, reply)
      }
    }
    const denied = api.auth(request, world)
    if (denied) return send(res, denied)
    const found = findRoute(api, method, rest)
    if (found === 'method') return send(res, api.error(405, 'Method not allowed'))
    if (!found) return send(res, api.error(404, 'Not found'))
    send(res, found.route.handle(request, found.params, world), api.name === 'rdap' ? 'application/rdap+json' : undefined)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  world = initial(origin)

  return {
    origin,
    setWorld(next) {
      world = next
      used.clear()
    },
    async close() {
      closing = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Hanging requests and keep-alive sockets would hold close() forever.
        server.closeAllConnections()
      })
    },
  }
}

function faultMessage(status: number): string {
  if (status === 401) return 'Authentication error'
  if (status === 403) return 'Forbidden'
  if (status === 404) return 'Not found'
  if (status === 429) return 'Rate limited. Please wait and consider throttling your request speed'
  if (status >= 500) return 'Internal server error'
  return 'Request failed'
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        req.destroy()
        reject(new Error('request body too large'))
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, reply: ApiReply, contentType = 'application/json'): void {
  if (reply.text !== undefined) return sendRaw(res, reply.status, reply.text, reply.contentType ?? 'text/plain', reply.headers)
  sendRaw(res, reply.status, reply.body === undefined ? '' : JSON.stringify(reply.body), contentType, reply.headers)
}

function sendRaw(res: ServerResponse, status: number, text: string, contentType: string, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return
  res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8`, 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}
