import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createCore, dispatch, isMethodName, type Core } from '../core/api'
import { projectRoot } from '../core/paths'
import { openWorkspace } from '../core/workspace'
import type { CredentialSource } from '../core/checks/types'
import type { NetworkProfile } from '../core/net/profile'
import { refuseReason } from './guard'
import { serveStatic } from './static'

export interface ServeOptions {
  workspaceDir?: string
  /** 0 (default) picks a random free port. */
  port?: number
  /** The built renderer (default out/renderer). */
  staticDir?: string
  /** Largest accepted request body. */
  maxBodyBytes?: number
  /** How checks reach the network (a lab's profile in sandbox mode). */
  profile?: NetworkProfile
  /** Provider credentials for checks (a lab's in-memory tokens); default: the keychain. */
  credentials?: CredentialSource
}

export interface BrowserServer {
  /** Open this: it carries the token in the fragment, which never reaches a server log. */
  url: string
  origin: string
  token: string
  port: number
  core: Core
  close(): Promise<void>
}

/**
 * Browser mode: the same contract as Electron's IPC, as `POST /api/<method>` on 127.0.0.1
 * only, with a per-launch token, Host/Origin checks, and events on one stream (/api/events).
 */
export async function startServer(opts: ServeOptions = {}): Promise<BrowserServer> {
  const staticDir = opts.staticDir ?? join(projectRoot(), 'out', 'renderer')
  const token = randomBytes(24).toString('base64url')
  const core = createCore(openWorkspace(opts.workspaceDir), 'browser', undefined, opts.profile, opts.credentials)
  const streams = new Set<ServerResponse>()
  const maxBody = opts.maxBodyBytes ?? 25 * 1024 * 1024
  let port = 0

  const unsubscribe = core.events.on((e) => {
    const chunk = `data: ${JSON.stringify(e)}\n\n`
    for (const s of streams) s.write(chunk)
  })

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const isApi = url.startsWith('/api/')
    const reason = refuseReason(req, port, token, isApi)
    if (reason) return void res.writeHead(403, { 'content-type': 'text/plain' }).end(`forbidden: ${reason}\n`)
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end()
      if (!existsSync(staticDir)) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('the UI is not built: run npm run build\n')
      return serveStatic(staticDir, url, res)
    }
    if (url === '/api/events' && req.method === 'GET') return openStream(res)
    const name = url.slice('/api/'.length).split('?')[0]
    if (req.method !== 'POST') return void res.writeHead(405).end()
    if (!isMethodName(name)) return void sendJson(res, 404, { ok: false, error: { code: 'not_found', message: `unknown method "${name}"` } })
    readJson(req, maxBody).then(
      async (input) => sendJson(res, 200, await dispatch(core, name, input)),
      (e: Error) => sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: e.message } }),
    )
  })

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write(': connected\n\n')
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  const heartbeat = setInterval(() => streams.forEach((s) => s.write(': ping\n\n')), 15_000)
  heartbeat.unref()

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    core,
    async close() {
      clearInterval(heartbeat)
      unsubscribe()
      for (const s of streams) s.end()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      core.workspace.close()
    },
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body))
}

function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) {
        reject(new Error(`request body over ${max} bytes`))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim()
      if (!text) return resolveBody(undefined)
      try {
        resolveBody(JSON.parse(text))
      } catch {
        reject(new Error('request body is not valid JSON'))
      }
    })
    req.on('error', reject)
  })
}
