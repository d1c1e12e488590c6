import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../../../../electron/core/net/http/client'
import { HttpError } from '../../../../electron/core/net/http/types'
import { send, startWeb, type Web } from '../../../integration/checks/http/web'
import { makePki } from '../tls/pki'

describe('HttpClient', () => {
  let web: Web
  let inFlight = 0
  let maxInFlight = 0
  const pki = makePki()
  beforeAll(async () => {
    web = await startWeb(pki, {
      'site.test': {
        https: (req, res) => {
          const u = new URL(req.url ?? '/', 'https://site.test')
          const n = Number(u.searchParams.get('n') ?? 0)
          if (u.pathname === '/hop' && n < 3) return (res.writeHead(302, { location: `/hop?n=${n + 1}` }), res.end())
          if (u.pathname === '/hop') return send(res, 200, 'landed')
          if (u.pathname.startsWith('/loop/')) {
            const i = Number(u.pathname.split('/')[2])
            return (res.writeHead(301, { location: `/loop/${(i % 50) + 1}` }), res.end())
          }
          if (u.pathname === '/slow') {
            inFlight++
            maxInFlight = Math.max(maxInFlight, inFlight)
            return setTimeout(() => {
              inFlight--
              send(res, 200, 'slow')
            }, 50)
          }
          if (u.pathname === '/hang') return // never answers
          if (u.pathname === '/drip') {
            res.writeHead(200, { 'content-type': 'text/plain' })
            const t = setInterval(() => res.write('.'), 100)
            return res.on('close', () => clearInterval(t))
          }
          if (u.pathname === '/huge') {
            // 100 MB on offer; the client must stop after its cap.
            res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(100 * 1024 * 1024) })
            const chunk = Buffer.alloc(64 * 1024, 97)
            let sent = 0
            const pump = () => {
              while (sent < 100 * 1024 * 1024) {
                sent += chunk.length
                if (!res.write(chunk)) return res.once('drain', pump)
              }
              res.end()
            }
            res.on('close', () => (sent = Infinity))
            return pump()
          }
          send(res, 200, '<p>hello</p>', { 'set-cookie': 'sid=secret123; HttpOnly' })
        },
      },
    })
  })
  afterAll(() => web.close())

  it('applies connect-to, records timing and reuses connections', async () => {
    const c = new HttpClient(web.profile)
    const a = await c.request('https://site.test/')
    const b = await c.request('https://site.test/again')
    expect(a.status).toBe(200)
    expect(a.body.toString()).toBe('<p>hello</p>')
    expect(a.requestLine).toBe('GET / HTTP/1.1')
    expect(a.redirected?.from).toBe('site.test:443')
    expect(a.timing.reused).toBe(false)
    expect(b.timing.reused).toBe(true)
    expect(b.timing.tlsMs).toBe(0)
    expect(a.timing.totalMs).toBeGreaterThanOrEqual(a.timing.firstByteMs)
    expect(c.redirected()).toHaveLength(1)
    await c.close()
  })

  it('rejects a certificate from an untrusted CA', async () => {
    const c = new HttpClient({ ...web.profile, extraCaPem: [] })
    await expect(c.request('https://site.test/')).rejects.toMatchObject({ kind: 'tls' })
    await c.close()
  })

  it('follows redirects by hand and detects loops and hop limits', async () => {
    const c = new HttpClient(web.profile)
    const ok = await c.follow('https://site.test/hop')
    expect(ok.hops.map((h) => h.status)).toEqual([302, 302, 302, 200])
    expect(ok.final?.url).toBe('https://site.test/hop?n=3')
    const loop = await c.follow('https://site.test/loop/1', { maxHops: 60 })
    expect(loop.loop).toBe(true)
    expect(loop.hops).toHaveLength(50)
    const many = await c.follow('https://site.test/loop/1', { maxHops: 10 })
    expect(many.tooManyHops).toBe(true)
    expect(many.hops).toHaveLength(11)
    await c.close()
  })

  it('caps a 100 MB body without buffering it', async () => {
    const c = new HttpClient(web.profile)
    const x = await c.request('https://site.test/huge', { maxBytes: 256 * 1024 })
    expect(x.truncated).toBe(true)
    expect(x.body.length).toBe(256 * 1024)
    expect(x.bodyBytes).toBeLessThanOrEqual(256 * 1024 + 64 * 1024)
    await c.close()
  })

  it('times out a hanging server and a slow-drip body', async () => {
    const c = new HttpClient({ ...web.profile, timeouts: { ...web.profile.timeouts, requestMs: 400 } })
    const hang = await c.request('https://site.test/hang').catch((e) => e)
    expect(hang).toBeInstanceOf(HttpError)
    expect(hang.kind).toBe('timeout')
    const drip = await c.request('https://site.test/drip').catch((e) => e)
    expect(drip.kind).toBe('timeout')
    await c.close()
  })

  it('ends refused connections and bad URLs as typed errors', async () => {
    const c = new HttpClient(web.profile)
    await expect(c.request('https://elsewhere.test/')).rejects.toMatchObject({ kind: 'refused' })
    await expect(c.request('ftp://site.test/')).rejects.toMatchObject({ kind: 'bad-url' })
    await c.close()
  })

  it('keeps to the per-host concurrency limit', async () => {
    const c = new HttpClient({ ...web.profile, perHostConcurrency: 2 })
    maxInFlight = 0
    await Promise.all(Array.from({ length: 6 }, () => c.request('https://site.test/slow')))
    expect(maxInFlight).toBeGreaterThan(0)
    expect(maxInFlight).toBeLessThanOrEqual(2)
    await c.close()
  })
})

describe('evidence excerpts', () => {
  it('mask credential-looking strings', async () => {
    const { maskSecretLike } = await import('../../../../electron/core/net/http/evidence')
    const out = maskSecretLike('const k = "sk_live_51Habcdefghijklmnopqrstu"; const a = "AKIAABCDEFGHIJKLMNOP"; ok')
    expect(out).not.toContain('abcdefghijklmnop')
    expect(out).not.toContain('ABCDEFGHIJKLMNOP')
    expect(out).toContain('sk_live_…[masked]')
    expect(out).toContain('; ok')
  })
})
