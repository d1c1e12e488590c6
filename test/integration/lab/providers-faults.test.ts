import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { providersSchema, startProviders, type ProviderServer } from '../../../electron/lab/providers'
import { DOMAINS, FIXTURE, fixture } from './providers-fixture'

/** Faults from the scenario: 429 + Retry-After, 5xx, invalid JSON, hangs, resets, recovery, reload. */
let lab: ProviderServer

beforeAll(async () => {
  lab = await startProviders(
    fixture({
      faults: [
        { provider: 'cloudflare', path: '/zones', status: 429, retryAfter: 2, times: 1 },
        { provider: 'vercel', path: '/v9/projects/**', status: 500 },
        { provider: 'netlify', path: '/sites', kind: 'invalid-json' },
        { provider: 'betterstack', kind: 'hang' },
        { provider: 'rdap', path: '/domain/*', kind: 'reset' },
        { provider: 'uptimerobot', method: 'POST', path: '/getAlertContacts', status: 401 },
      ],
    }),
    { domains: DOMAINS },
  )
})
afterAll(async () => {
  await lab?.close()
})

describe('scenario faults', () => {
  it('429 with Retry-After in Cloudflare’s envelope, then the endpoint recovers (times: 1)', async () => {
    const h = { authorization: `Bearer ${lab.credentials.cloudflare}` }
    const first = await fetch(`${lab.urls.cloudflare}/zones`, { headers: h })
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(await first.json()).toMatchObject({ success: false, errors: [{ code: 1015 }], result: null })
    const second = await fetch(`${lab.urls.cloudflare}/zones`, { headers: h })
    expect(second.status).toBe(200)
  })

  it('500 on matching paths only, in Vercel’s error shape', async () => {
    const h = { authorization: `Bearer ${lab.credentials.vercel}` }
    const bad = await fetch(`${lab.urls.vercel}/v9/projects/launch-web/domains`, { headers: h })
    expect(bad.status).toBe(500)
    expect(await bad.json()).toMatchObject({ error: { code: 'internal_server_error' } })
    expect((await fetch(`${lab.urls.vercel}/v9/projects`, { headers: h })).status).toBe(200)
  })

  it('invalid JSON with a 200 status', async () => {
    const res = await fetch(`${lab.urls.netlify}/sites`, { headers: { authorization: `Bearer ${lab.credentials.netlify}` } })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(() => JSON.parse(text)).toThrow()
  })

  it('a hang never answers (the client gives up), a reset drops the connection', async () => {
    const hung = fetch(`${lab.urls.betterstack}/monitors`, { headers: { authorization: `Bearer ${lab.credentials.betterstack}` }, signal: AbortSignal.timeout(300) })
    await expect(hung).rejects.toThrow(/abort|timeout/i)
    await expect(fetch(`${lab.urls.rdapBootstrap?.replace('/bootstrap/dns.json', '')}/domain/launch.example`)).rejects.toThrow()
    expect((await fetch(lab.urls.rdapBootstrap as string)).status).toBe(200)
  })

  it('a fault status wins over a valid key (UptimeRobot 401)', async () => {
    const res = await fetch(`${lab.urls.uptimerobot}/getAlertContacts`, { method: 'POST', body: new URLSearchParams({ api_key: lab.credentials.uptimerobot }) })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ stat: 'fail' })
  })

  it('reload swaps the scenario, keeping tokens', async () => {
    const token = lab.credentials.vercel
    lab.reload(providersSchema.parse({ ...FIXTURE, vercel: { projects: [{ name: 'fresh' }] } }))
    const res = await fetch(`${lab.urls.vercel}/v9/projects`, { headers: { authorization: `Bearer ${token}` } })
    expect(((await res.json()) as { projects: { name: string }[] }).projects.map((p) => p.name)).toEqual(['fresh'])
  })

  it('close() ends hanging requests and frees the port', async () => {
    const other = await startProviders(providersSchema.parse({ faults: [{ kind: 'hang' }] }), { domains: DOMAINS })
    const hung = fetch(`${other.urls.vercel}/v2/user`).catch((e: Error) => e)
    await new Promise((r) => setTimeout(r, 50))
    await other.close()
    expect(await hung).toBeInstanceOf(Error)
    await expect(fetch(`${other.urls.vercel}/v2/user`)).rejects.toThrow()
  })

  it('latency from the context applies to every answer (still answers)', async () => {
    const slow = await startProviders(undefined, { domains: DOMAINS, latencyMs: 20 })
    try {
      // No provider sections: no credentials, so provider checks skip instead of failing.
      expect(slow.credentials).toEqual({})
      const res = await fetch(slow.urls.rdapBootstrap as string)
      expect(((await res.json()) as { services: string[][][] }).services[0][0]).toEqual(['example'])
    } finally {
      await slow.close()
    }
  })
})
