import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker keeps its .mjs name; module workers need a JavaScript type
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** The same CSP the Electron window enforces, sent as a header in browser mode. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

/** Serve a file from the built renderer, confined to `root`; unknown paths get index.html. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const base = resolve(root)
  let rel: string
  try {
    rel = decodeURIComponent(urlPath.split('?')[0])
  } catch {
    // A malformed escape ("/%", "/%E0%A4%A") would throw out of the request listener and take
    // the whole process down: refuse it instead.
    res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request\n')
    return
  }
  if (rel === '/' || !extname(rel)) rel = '/index.html'
  const file = resolve(join(base, normalize(rel)))
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(403).end()
    return
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    return
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': rel === '/index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  })
  createReadStream(file).pipe(res)
}
