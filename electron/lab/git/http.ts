import { spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { devNull } from 'node:os'

/** The sandbox's git server: its repositories by name as clone URLs, and how to stop it. */
export interface GitHttpServer {
  /** Clone URLs under the sandbox's git host name (reached through the lab's connect-to rule). */
  urls: Record<string, string>
  /** The loopback port the server listens on (the connect-to rule's target). */
  port: number
  /** Requests received so far (tests read it: a refused clone sends none). */
  readonly requests: number
  close(): Promise<void>
}

/** A CGI response from git http-backend: headers up to the blank line, then the body. */
function relay(out: Buffer, res: ServerResponse): void {
  const sep = out.indexOf('\r\n\r\n') >= 0 ? out.indexOf('\r\n\r\n') : out.indexOf('\n\n')
  const width = out.indexOf('\r\n\r\n') >= 0 ? 4 : 2
  if (sep < 0) return void res.writeHead(502).end('bad CGI answer')
  let status = 200
  const headers: Record<string, string> = {}
  for (const line of out.subarray(0, sep).toString('latin1').split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i < 0) continue
    const k = line.slice(0, i).trim()
    const v = line.slice(i + 1).trim()
    if (k.toLowerCase() === 'status') status = Number(v.split(' ')[0]) || 200
    else headers[k] = v
  }
  res.writeHead(status, headers).end(out.subarray(sep + width))
}

/**
 * Serve `repos` (name → local repository) over git's smart HTTP protocol on 127.0.0.1, read-only,
 * through the system's `git http-backend` (the CGI program real git servers use). Clone URLs name
 * `hostName`, reached through the lab's connect-to rule like any sandbox host, so clones from the
 * sandbox take the same path, egress policy included, as clones from a client's git host. Each
 * request is bounded (30 s).
 */
export async function startGitHttp(repos: Record<string, string>, hostName: string): Promise<GitHttpServer> {
  let requests = 0
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests += 1
    const url = new URL(req.url ?? '/', 'http://lab')
    const [, name, ...rest] = url.pathname.split('/')
    const root = repos[name.replace(/\.git$/, '')]
    // Read-only: fetches and clones only, never a push.
    if (!root || url.searchParams.get('service') === 'git-receive-pack' || rest.join('/') === 'git-receive-pack') return void res.writeHead(404).end('not found')
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: root,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: devNull,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: `/.git/${rest.join('/')}`,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: String(req.headers['content-type'] ?? ''),
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) } : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
        REMOTE_ADDR: '127.0.0.1',
      },
      timeout: 30_000,
    })
    const out: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.on('error', () => res.headersSent || res.writeHead(500).end('git http-backend could not run'))
    child.on('close', () => res.headersSent || relay(Buffer.concat(out), res))
    req.pipe(child.stdin)
    child.stdin.on('error', () => undefined)
  }
  const server = createServer(handle)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    urls: Object.fromEntries(Object.keys(repos).map((n) => [n, `http://${hostName}/${n}.git`])),
    port,
    get requests() {
      return requests
    },
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  }
}
