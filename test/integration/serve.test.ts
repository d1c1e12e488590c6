import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'undici'
import { startServer, type BrowserServer } from '../../electron/serve/server'
import { tempDir } from '../helpers/tmp'

let server: BrowserServer
let ws: { dir: string; cleanup(): void }

beforeAll(async () => {
  ws = tempDir()
  server = await startServer({ workspaceDir: ws.dir })
})
afterAll(async () => {
  await server.close()
  ws.cleanup()
})

function call(method: string, body: unknown, headers: Record<string, string> = {}) {
  return request(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers },
    body: JSON.stringify(body),
  })
}

describe('browser mode', () => {
  it('binds 127.0.0.1 only, on a random port, and opens with a launch address that carries no token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toMatch(new RegExp(`^${server.origin}/launch/[A-Za-z0-9_-]{43}$`))
    expect(server.url).not.toContain(server.token)
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('answers contract calls with the token', async () => {
    const r = await call('createEngagement', { domain: 'serve.example', hosts: ['www'] })
    expect(r.statusCode).toBe(200)
    expect(await r.body.json()).toMatchObject({ ok: true, value: { domain: 'serve.example' } })
    const bad = await call('createEngagement', { domain: '' })
    expect(await bad.body.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it.each([
    ['no token', { authorization: '' }],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['a foreign Host header (DNS rebinding)', { host: 'attacker.example' }],
    ['a foreign Host with our port', { host: 'attacker.example:1234' }],
    ['a foreign Origin', { origin: 'http://attacker.example' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const r = await call('listEngagements', {}, headers as Record<string, string>)
    expect(r.statusCode).toBe(403)
    await r.body.text()
  })

  it('404s unknown methods and refuses bodies that are not JSON', async () => {
    const r = await call('dropEverything', {})
    expect(r.statusCode).toBe(404)
    await r.body.text()
    const raw = await request(`${server.origin}/api/listEngagements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      body: '{nope',
    })
    expect(raw.statusCode).toBe(400)
    expect(await raw.body.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('streams core events to an authorised event stream', async () => {
    const ac = new AbortController()
    const res = await request(`${server.origin}/api/events`, { headers: { authorization: `Bearer ${server.token}` }, signal: ac.signal })
    expect(res.headers['content-type']).toBe('text/event-stream')
    const got = new Promise<string>((resolve) => {
      let buf = ''
      res.body.on('data', (c: Buffer) => {
        buf += c.toString()
        const m = /data: (.+)\n\n/.exec(buf)
        if (m) resolve(m[1])
      })
    })
    await (await call('createEngagement', { domain: 'events.example' })).body.text()
    expect(JSON.parse(await got)).toMatchObject({ type: 'engagements.changed', change: 'created' })
    ac.abort()
    res.body.on('error', () => undefined)
  })

  it('serves the UI with the CSP header and never a file outside the build', async () => {
    const page = await request(`${server.origin}/`)
    if (page.statusCode === 200) {
      expect(page.headers['content-security-policy']).toContain("default-src 'self'")
      expect(await page.body.text()).toContain('<div id="root">')
    } else {
      expect(await page.body.text()).toMatch(/not built/)
    }
    const escape = await request(`${server.origin}/..%2f..%2fpackage.json`)
    expect([403, 404]).toContain(escape.statusCode)
    expect(await escape.body.text()).not.toContain('handover-console')
  })
})
