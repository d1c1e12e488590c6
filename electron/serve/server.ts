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
import { Sessions } from './launch'
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
  /** Called when a launch code was spent (the launch file can go). */
  onLaunched?: () => void
}

export interface BrowserServer {
  /** Open this once: a single-use launch URL (`/launch/<code>`) that becomes a session cookie. */
  url: string
  origin: string
  /** The API token for programmatic clients (Bearer); it never appears in a URL or on a command line. */
  token: string
  port: number
  core: Core
  /** Another single-use launch URL, for a second browser the person chooses to open. */
  newLaunchUrl(): string
  close(): Promise<void>
}

/**
 * Browser mode: the same contract as Electron's IPC, as `POST /api/<method>` on 127.0.0.1
 * only, for a session opened with a single-use launch code (or the in-memory API token), with
 * Host/Origin checks, and events on one stream (/api/events).
 */
export async function startServer(opts: ServeOptions = {}): Promise<BrowserServer> {
  const staticDir = opts.staticDir ?? join(projectRoot(), 'out', 'renderer')
  const token = randomBytes(24).toString('base64url')
  const core = createCore(openWorkspace(opts.workspaceDir), 'browser', undefined, opts.profile, opts.credentials)
  const streams = new Set<ServerResponse>()
  const maxBody = opts.maxBodyBytes ?? 25 * 1024 * 1024
  let port = 0
  let sessions = new Sessions(0)
  let onLaunched = opts.onLaunched

  const unsubscribe = core.events.on((e) => {
    const chunk = `data: ${JSON.stringify(e)}\n\n`
    for (const s of streams) s.write(chunk)
  })

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const isApi = url.startsWith('/api/')
    const isLaunch = url.startsWith('/launch/')
    const isProbe = url === '/api/session'
    const reason = refuseReason(req, port, { needsAuth: isApi && !isProbe, hasSession: (r) => sessions.hasSession(r), token, allowNavigationFromElsewhere: isLaunch })
    if (reason) return void res.writeHead(403, { 'content-type': 'text/plain' }).end(`forbidden: ${reason}\n`)
    if (isLaunch) return launch(req, res, url.slice('/launch/'.length).split(/[?#]/)[0])
    // The page asks this first, to explain itself when this browser has no session.
    if (isProbe) return sendJson(res, 200, { session: sessions.hasSession(req) })
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

  /** Spend a launch code for a session cookie; a spent, unknown or expired one opens nothing. */
  function launch(req: IncomingMessage, res: ServerResponse, code: string): void {
    if (req.method !== 'GET') return void res.writeHead(405).end()
    const noStore = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }
    // The browser that already holds this server's session (a reload of the launch URL) just goes on.
    if (sessions.hasSession(req)) return void res.writeHead(303, { location: '/', ...noStore }).end()
    const id = sessions.redeem(code)
    if (!id) return void res.writeHead(403, { 'content-type': 'text/html; charset=utf-8', ...noStore }).end(LAUNCH_REFUSED)
    onLaunched?.()
    res.writeHead(303, { location: '/', 'set-cookie': sessions.cookie(id), ...noStore }).end()
  }

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
  sessions = new Sessions(port)
  const origin = `http://127.0.0.1:${port}`
  const newLaunchUrl = () => `${origin}/launch/${sessions.mintCode()}`
  return {
    url: newLaunchUrl(),
    origin,
    token,
    port,
    core,
    newLaunchUrl,
    async close() {
      onLaunched = undefined
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

const LAUNCH_REFUSED = `<!doctype html><meta charset="utf-8"><title>Handover Console</title><main><h1>This launch address was already used</h1><p>A launch address opens one browser session, once. Go back to the browser window it opened, or stop <code>handover serve</code> and start it again for a new address.</p></main>\n`

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
