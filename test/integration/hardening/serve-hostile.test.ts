import { mkdirSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'undici'
import { startServer, type BrowserServer } from '../../../electron/serve/server'
import { tempDir } from '../../helpers/tmp'
import { runs } from '../../unit/fuzz/arbitraries'

/**
 * Browser mode beyond test/integration/serve.test.ts: odd Host and Origin forms, oversized
 * and slow bodies, and path tricks against the static file server (raw HTTP, so no client
 * normalises the path first).
 */
const SECRET = 'OUTSIDE-THE-RENDERER-ROOT'
let server: BrowserServer
let tmp: { dir: string; cleanup(): void }

beforeAll(async () => {
  tmp = tempDir('handover-serve-hostile-')
  const site = join(tmp.dir, 'site')
  mkdirSync(join(site, 'assets'), { recursive: true })
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>ui</title>')
  writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(tmp.dir, 'secret.txt'), SECRET)
  // A sibling whose name starts with the root's name: a naive startsWith(root) would allow it.
  mkdirSync(join(tmp.dir, 'site-evil'))
  writeFileSync(join(tmp.dir, 'site-evil', 'x.js'), SECRET)
  server = await startServer({ workspaceDir: join(tmp.dir, 'ws'), staticDir: site, maxBodyBytes: 64 * 1024 })
})
afterAll(async () => {
  await server?.close()
  tmp?.cleanup()
})

/** One raw HTTP/1.1 exchange: the request line and headers exactly as given. Bounded in time. */
function raw(text: string, opts: { holdMs?: number } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(server.port, '127.0.0.1')
    let buf = ''
    const timer = setTimeout(() => {
      sock.destroy()
      reject(new Error(`no answer to ${JSON.stringify(text.slice(0, 80))}`))
    }, 10_000)
    sock.on('data', (d) => (buf += d.toString('latin1')))
    sock.on('error', () => undefined)
    sock.on('close', () => {
      clearTimeout(timer)
      const m = /^HTTP\/1\.1 (\d{3})/.exec(buf)
      resolve({ status: m ? Number(m[1]) : 0, body: buf.split('\r\n\r\n').slice(1).join('\r\n\r\n') })
    })
    sock.write(text)
    if (!opts.holdMs) return
    setTimeout(() => sock.end(), opts.holdMs)
  })
}

const get = (path: string, host = `127.0.0.1:${server.port}`) => raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)

function call(headers: Record<string, string>, body = '{}') {
  return request(`${server.origin}/api/listEngagements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers },
    body,
  })
}

describe('browser mode: hostile requests', () => {
  it.each([
    ['an IPv6 literal Host', '[::1]:PORT'],
    ['a Host with a trailing dot', '127.0.0.1.:PORT'],
    ['localhost with a trailing dot', 'localhost.:PORT'],
    ['a Host with another port', '127.0.0.1:1'],
    ['a Host without a port', '127.0.0.1'],
    ['a decimal-encoded loopback Host', '2130706433:PORT'],
    ['a Host with user info', 'evil@127.0.0.1:PORT'],
  ])('refuses %s with 403', async (_n, host) => {
    const r = await call({ host: host.replace('PORT', String(server.port)) })
    expect(r.statusCode).toBe(403)
    await r.body.text()
  })

  it.each([
    ['a null Origin (sandboxed iframe, file://)', 'null'],
    ['an https Origin on our port', 'https://127.0.0.1:PORT'],
    ['an Origin with a trailing dot', 'http://127.0.0.1.:PORT'],
    ['an Origin with a path', 'http://127.0.0.1:PORT/x'],
  ])('refuses %s with 403', async (_n, origin) => {
    const r = await call({ origin: origin.replace('PORT', String(server.port)) })
    expect(r.statusCode).toBe(403)
    await r.body.text()
  })

  it('refuses an oversized body without dispatching it, and keeps serving', async () => {
    const big = JSON.stringify({ domain: 'big.example', clientName: 'x'.repeat(200 * 1024) })
    const r = await request(`${server.origin}/api/createEngagement`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: big,
    }).then(
      async (res) => ({ status: res.statusCode, text: await res.body.text() }),
      () => ({ status: 0, text: '' }), // the server may reset the connection: also a refusal
    )
    expect(r.status === 0 || r.status === 400 || r.status === 413).toBe(true)
    const list = await call({})
    expect(await list.body.json()).toMatchObject({ ok: true, value: [] })
  })

  it('a slow body (slowloris) does not block other callers', async () => {
    const slow = net.connect(server.port, '127.0.0.1')
    slow.on('error', () => undefined)
    slow.write(`POST /api/listEngagements HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`)
    try {
      const r = await call({})
      expect(r.statusCode).toBe(200)
      expect(await r.body.json()).toMatchObject({ ok: true })
    } finally {
      slow.destroy()
    }
  })
})

describe('browser mode: fuzzed API bodies', () => {
  // Methods without side effects beyond this temp workspace (no network, no keychain).
  const METHODS = ['listEngagements', 'getEngagement', 'createEngagement', 'updateEngagement', 'sprintStatus', 'recordVerdict', 'evidenceTimeline', 'getEvidence', 'verifyBundle', 'importEngagement', 'listAttachments']
  it('any body gets a JSON Result (200) or a 400, never a crash, a hang or an internal error', async () => {
    const body = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), body, async (method, text) => {
        const r = await request(`${server.origin}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
          body: text,
          headersTimeout: 10_000,
          bodyTimeout: 10_000,
        })
        expect([200, 400]).toContain(r.statusCode)
        const json = (await r.body.json()) as { ok: boolean; error?: { code: string; message: string } }
        expect(typeof json.ok).toBe('boolean')
        if (!json.ok) expect(json.error?.code, `${method} ${text.slice(0, 200)} → ${json.error?.message}`).not.toBe('internal')
      }),
      runs(150),
    )
  }, 60_000)
})

describe('static file server: confined to the renderer folder', () => {
  it('serves the UI itself', async () => {
    const r = await get('/assets/app.js')
    expect(r.status).toBe(200)
    expect(r.body).toContain('console.log(1)')
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/..%252fsecret.txt',
    '/../site-evil/x.js',
    '/%2e%2e/site-evil/x.js',
    '/assets/%00/../../secret.txt',
    `/${'../'.repeat(20)}etc/hostname`,
    '//etc/hostname',
  ])('never serves outside the root: %s', async (path) => {
    const r = await get(path)
    expect(r.body).not.toContain(SECRET)
    expect([200, 400, 403, 404]).toContain(r.status)
    if (r.status === 200) expect(r.body).toContain('<title>ui</title>')
  })

  it.each(['/%', '/%E0%A4%A', '/assets/%zz.js', '/%C0%AE%C0%AE/secret.txt'])('answers a malformed escape (%s) with an error status and stays up', async (path) => {
    const r = await get(path)
    expect(r.body).not.toContain(SECRET)
    expect([400, 403, 404]).toContain(r.status)
    const after = await get('/assets/app.js')
    expect(after.status).toBe(200)
  })
})
