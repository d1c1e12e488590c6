import type { IncomingMessage, ServerResponse } from 'node:http'
import { redirectTo, send, type Handler, type HostSpec } from './web'

const SECURITY = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  'referrer-policy': 'strict-origin-when-cross-origin',
}

const path = (req: IncomingMessage) => new URL(req.url ?? '/', 'https://x').pathname

/** A well-run site: every TLS/HTTP check passes. Assets show an edge HIT from the second request. */
function goodApp(origin: string): Handler {
  const seen = new Set<string>()
  return (req, res) => {
    const p = path(req)
    if (p === '/') {
      return send(res, 200, `<!doctype html><html><head><link rel="stylesheet" href="/assets/site.css"><script src="/assets/app.js"></script></head><body><img src="${origin}/logo.png" srcset="/logo@2x.png 2x"><a href="http://elsewhere.example/">link</a></body></html>`, { ...SECURITY, 'cache-control': 'no-cache' })
    }
    if (p.startsWith('/assets/') || p.startsWith('/logo')) {
      const hit = seen.has(p)
      seen.add(p)
      return send(res, 200, p.endsWith('.js') ? 'console.log(1)' : 'body{}', { 'content-type': p.endsWith('.js') ? 'text/javascript' : 'text/css', 'cache-control': 'public, max-age=31536000, immutable', 'x-cache': hit ? 'HIT' : 'MISS' })
    }
    if (p === '/login' || p === '/signup') return send(res, 200, '<form method=post></form>', { ...SECURITY, 'set-cookie': 'csrf=abc123; Secure; HttpOnly', 'cache-control': 'private, no-store' })
    if (p === '/api/health') return void setTimeout(() => send(res, 200, '{"status":"ok"}', { 'content-type': 'application/json' }), 30)
    send(res, 404, 'not found', SECURITY)
  }
}

/** A launch-week mess: two live hosts, plain HTTP content, weak HSTS, mixed content, a served .env… */
function badApp(): Handler {
  return (req, res) => {
    const p = path(req)
    if (p === '/') return send(res, 200, '<html><head><script src="http://cdn.bad.test/x.js"></script></head><body><img src="http://cdn.bad.test/a.png"><script src="/app.js"></script></body></html>', { 'strict-transport-security': 'max-age=86400' })
    if (p === '/.env') return send(res, 200, 'DATABASE_URL=postgres://u:hunter2@db/prod\nSTRIPE_SECRET_KEY=sk_live_0123456789abcdef\n', { 'content-type': 'text/plain' })
    if (p === '/app.js') return send(res, 200, 'console.log(2)', { 'content-type': 'text/javascript' })
    if (p === '/app.js.map') return send(res, 200, '{"version":3,"sources":["a.ts"],"mappings":"AAAA"}', { 'content-type': 'application/json' })
    if (p === '/login') return send(res, 200, 'login', { 'set-cookie': 'session=s3cr3t; HttpOnly', 'cache-control': 'public, max-age=600' })
    if (p === '/signup') return send(res, 500, 'boom')
    send(res, 404, 'not found')
  }
}

/** A single-page app: 200 and the same index.html for every path. */
const spa: Handler = (_req, res) => send(res, 200, '<!doctype html><html><body><div id=root></div><script src="/main.js"></script></body></html>', SECURITY)

const hang: Handler = () => undefined
const drip: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' })
  const t = setInterval(() => res.write(' '), 100)
  res.on('close', () => clearInterval(t))
}
const loop: Handler = (req, res) => {
  const n = Number(/\/r\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0)
  res.writeHead(302, { location: `/r/${(n % 50) + 1}` })
  res.end()
}
/** 100 MB on offer, sent as fast as the client reads; stops when the client goes away. */
const huge: Handler = (_req, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html' })
  const chunk = Buffer.from(`<p>${'x'.repeat(16 * 1024)}</p>`)
  let left = Math.ceil((100 * 1024 * 1024) / chunk.length)
  let closed = false
  res.on('close', () => (closed = true))
  const pump = () => {
    while (left-- > 0 && !closed) if (!res.write(chunk)) return void res.once('drain', pump)
    res.end()
  }
  pump()
}
const open: Handler = (_req, res) => send(res, 200, '<html><body>staging</body></html>')
const auth: Handler = (_req, res) => send(res, 401, 'auth required', { 'www-authenticate': 'Basic realm="staging"' })
const noindex: Handler = (_req, res) => send(res, 200, 'preview', { 'x-robots-tag': 'noindex, nofollow' })
const passive: Handler = (_req, res) => send(res, 200, '<html><body><img src="http://img.passive.test/a.png"><script src="/a.js"></script></body></html>', { 'strict-transport-security': 'max-age=31536000' })

/** Every host of every test domain. */
export function allHosts(): Record<string, HostSpec> {
  return {
    // good.test: all pass
    'good.test': { https: redirectTo('https://www.good.test'), http: redirectTo('https://good.test') },
    'www.good.test': { https: goodApp('https://www.good.test'), http: redirectTo('https://www.good.test', 308) },
    'spa.good.test': { https: spa, http: redirectTo('https://spa.good.test') },
    'staging.good.test': { https: auth, http: redirectTo('https://staging.good.test') },
    'preview.good.test': { https: noindex, http: redirectTo('https://preview.good.test') },
    // bad.test: fail/warn
    'bad.test': { https: badApp(), http: badApp(), cert: { names: ['bad.test', 'www.bad.test'] } },
    'www.bad.test': { https: badApp(), http: redirectTo('https://bad.test', 302) },
    'staging.bad.test': { https: open },
    'expired.bad.test': { https: open, cert: { fromDays: -100, toDays: -2 } },
    'soon.bad.test': { https: open, cert: { toDays: 12 } },
    'doom.bad.test': { https: open, cert: { toDays: 3 } },
    'five.bad.test': { https: open, cert: { toDays: 5 } },
    'wrong.bad.test': { https: open, cert: { names: ['other.test'] } },
    'self.bad.test': { https: open, cert: { selfSigned: true } },
    'legacy.bad.test': { https: open, legacyTls: true },
    'passive.test': { https: passive },
    // temp.test: one canonical host, but www reaches it by a temporary (302) redirect
    'temp.test': { https: goodApp('https://temp.test'), http: redirectTo('https://temp.test', 308) },
    'www.temp.test': { https: redirectTo('https://temp.test', 302), http: redirectTo('https://temp.test', 302) },
    // hostile.test: error
    'hostile.test': { https: hang, http: hang },
    'www.hostile.test': { https: hang },
    'staging.hostile.test': { https: hang },
    'loop.test': { https: loop, http: loop },
    'www.loop.test': { https: loop },
    'huge.test': { https: huge },
    'drip.test': { https: drip },
    'www.drip.test': { https: drip },
  }
}
