import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webHostSchema } from '../../../electron/lab/scenario/web-schema'
import { labCa } from '../../../electron/lab/tls/ca'
import { startWebHost, type WebHost } from '../../../electron/lab/web/host'

let redir: WebHost
let spa: WebHost
const get = (h: WebHost, path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${h.httpPort}${path}`, { redirect: 'manual', ...init })

beforeAll(async () => {
  const ca = labCa()
  redir = await startWebHost('www.w.example', 'w.example', webHostSchema.parse({ https: false, redirect: { status: 308, to: 'https://{domain}{path}{query}' } }), ca, 0)
  spa = await startWebHost(
    'w.example',
    'w.example',
    webHostSchema.parse({
      https: false,
      spa: true,
      headers: { 'X-Robots-Tag': 'noindex' },
      routes: { '/': { body: '<!doctype html><div id=root></div>' }, '/api/*': { json: { ok: true }, setCookie: ['a=1', 'b=2'] }, '/big': { size: '1KB' } },
    }),
    ca,
    0,
  )
})
afterAll(async () => {
  await Promise.all([redir?.close(), spa?.close()])
})

describe('a lab web host', () => {
  it('applies the host redirect to plain HTTP too, keeping path and query', async () => {
    const r = await get(redir, '/a/b?c=d')
    expect(r.status).toBe(308)
    expect(r.headers.get('location')).toBe('https://w.example/a/b?c=d')
    expect(redir.httpsPort).toBe(0)
  })

  it('answers unknown paths with the SPA page, prefix routes, cookies and host headers', async () => {
    const r = await get(spa, '/.git/config')
    expect([r.status, await r.text()]).toEqual([200, '<!doctype html><div id=root></div>'])
    expect(r.headers.get('x-robots-tag')).toBe('noindex')
    const api = await get(spa, '/api/anything')
    expect(await api.json()).toEqual({ ok: true })
    expect(api.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
  })

  it('streams generated bodies with a Content-Length and answers HEAD without a body', async () => {
    const big = await get(spa, '/big')
    expect(big.headers.get('content-length')).toBe('1024')
    expect((await big.arrayBuffer()).byteLength).toBe(1024)
    const head = await get(spa, '/big', { method: 'HEAD' })
    expect(head.headers.get('content-length')).toBe('1024')
    expect(await head.text()).toBe('')
  })
})
