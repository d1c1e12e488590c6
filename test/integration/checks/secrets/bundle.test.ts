import { createServer, type Server } from 'node:https'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check, getter } from '../../../../electron/core/checks/secrets/bundle'
import { DEFAULT_BUNDLE_LIMITS, hostAllowList, scanBundle } from '../../../../electron/core/secrets/bundle'
import { DEFAULT_THRESHOLDS, type CheckContext, type CheckServices } from '../../../../electron/core/checks/types'
import { HttpClient } from '../../../../electron/core/net/http/client'
import { DEFAULT_PROFILE, type NetworkProfile } from '../../../../electron/core/net/profile'
import { makePki } from '../../../unit/net/tls/pki'

const OPENAI = 'sk-proj-' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z'
const STRIPE = 'sk_live_' + '51HqZk2Lm9Np4Rt7Vw1Yb3Cd5Ef'
const FIREBASE = 'AIza' + 'SyD4x9Kq2mZ7vN1pL8rT3wY6uE0oI5aS9dF'
/** A Supabase-style JWT with this role (HS256 header, a fake signature). */
const jwt = (role: string) => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify({ iss: 'supabase', ref: 'abcdefghijklmnop', role, iat: 1700000000, exp: 2000000000 })).toString('base64url')}.c2lnbmF0dXJlc2lnbmF0dXJlc2ln`

/** One HTTPS server playing two sites: leaky.test (secrets in a bundle and its source map) and clean.test. */
const pages: Record<string, Record<string, { type: string; body: string; headers?: Record<string, string> }>> = {
  'leaky.test': {
    '/': { type: 'text/html', body: '<html><script src="/assets/app.js"></script><script src="https://cdn.thirdparty.example/x.js"></script></html>' },
    '/assets/app.js': { type: 'application/javascript', body: `const ai="${OPENAI}";\n//# sourceMappingURL=app.js.map\n` },
    '/assets/app.js.map': { type: 'application/json', body: JSON.stringify({ version: 3, sources: ['src/pay.ts'], sourcesContent: [`const k = "${STRIPE}"`] }) },
  },
  // Keys every visitor is meant to receive: a Firebase web config, a Supabase anon key, a Stripe
  // publishable key, a Sentry DSN; and on keys.test a Supabase service_role key beside them.
  'public.test': {
    '/': { type: 'text/html', body: '<html><script src="/app.js"></script></html>' },
    '/app.js': { type: 'application/javascript', body: `const firebase={apiKey:"${FIREBASE}",authDomain:"public-test.firebaseapp.com"};const supabase="${jwt('anon')}";const pk="pk_live_51HqZk2Lm9Np4Rt7Vw1Yb3Cd5Ef";Sentry.init({dsn:"https://0123456789abcdef0123456789abcdef@o123456.ingest.sentry.io/4504"})\n` },
  },
  'keys.test': {
    '/': { type: 'text/html', body: '<html><script src="/app.js"></script></html>' },
    '/app.js': { type: 'application/javascript', body: `const anon="${jwt('anon')}";const admin="${jwt('service_role')}"\n` },
  },
  // multi.test: the canonical page is clean; the Stripe key lives only in the app host's bundle.
  // www serves the same page and script as the apex (scanned once); api is not a browser host.
  'multi.test': {
    '/': { type: 'text/html', body: '<html><script src="/assets/site.js"></script></html>' },
    '/assets/site.js': { type: 'application/javascript', body: 'console.log("site")\n' },
  },
  'www.multi.test': {
    '/': { type: 'text/html', body: '<html><script src="/assets/site.js"></script></html>' },
    '/assets/site.js': { type: 'application/javascript', body: 'console.log("site")\n' },
  },
  'app.multi.test': {
    '/': { type: 'text/html', body: '<html><script src="/assets/app.js"></script><script src="https://multi.test/assets/site.js"></script></html>' },
    '/assets/app.js': { type: 'application/javascript', body: `const stripe="${STRIPE}";\n` },
  },
  'clean.test': {
    '/': { type: 'text/html', body: '<html><script type="module" src="/main.js"></script><link rel="modulepreload" href="/chunk.js"></html>' },
    '/main.js': { type: 'application/javascript', body: 'const pk="pk_live_51HqZk2Lm9Np4Rt7Vw1Yb3Cd5Ef";console.log(pk)\n' },
    '/chunk.js': { type: 'application/javascript', body: 'export const x = 1\n' },
  },
}

let server: Server
let profile: NetworkProfile
const clients: HttpClient[] = []

beforeAll(async () => {
  const pki = makePki()
  server = createServer({ key: pki.keyPem, cert: pki.leaf(['leaky.test', 'clean.test', 'public.test', 'keys.test', 'multi.test', 'www.multi.test', 'app.multi.test']) }, (req, res) => {
    const site = pages[(req.headers.host ?? '').split(':')[0]]
    const p = site?.[req.url ?? '/']
    if (!p) return res.writeHead(404).end('not found')
    res.writeHead(200, { 'content-type': p.type, ...p.headers }).end(p.body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  // A loopback port with nothing listening, so "unreachable" never leaves the machine.
  const closed = createNetServer()
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
  const deadPort = (closed.address() as AddressInfo).port
  await new Promise<void>((r) => closed.close(() => r()))
  profile = {
    ...DEFAULT_PROFILE,
    extraCaPem: [pki.caPem],
    // Only our two sites go to loopback; anything else would be refused by the check (never fetched).
    connectTo: [
      ...['leaky.test', 'clean.test', 'public.test', 'keys.test', 'multi.test', 'www.multi.test', 'app.multi.test'].map((host) => ({ host, port: 443, toHost: '127.0.0.1', toPort: port })),
      { host: 'unreachable.test', port: 0, toHost: '127.0.0.1', toPort: deadPort },
    ],
  }
})
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await new Promise<void>((r) => server.close(() => r()))
})

function ctx(domain: string, hosts: { name: string; role: string }[] = []): CheckContext {
  const http = new HttpClient(profile)
  clients.push(http)
  return {
    engagement: { id: 'e1', domain, hosts } as unknown as CheckContext['engagement'],
    domain,
    target: domain,
    profile,
    thresholds: DEFAULT_THRESHOLDS,
    signal: AbortSignal.timeout(30_000),
    services: { http } as unknown as CheckServices,
  }
}

describe('secrets.bundle', () => {
  it('reads every declared web, app and admin host: a key only in the app host’s bundle is found; shared scripts are read once', async () => {
    const hosts = [
      { name: 'www.multi.test', role: 'web' },
      { name: 'app.multi.test', role: 'app' },
      { name: 'api.multi.test', role: 'api' },
    ]
    const r = await check.run(ctx('multi.test', hosts))
    expect(r.status).toBe('fail')
    expect(r.summary).toMatch(/^In what 3 pages on multi\.test, www\.multi\.test, app\.multi\.test ship to browsers: 1 secret found: Stripe live secret key \(0\.0 MB read of a 40\.0 MB budget\)$/)
    expect(r.details!.findings).toEqual([expect.objectContaining({ rule: 'stripe-live-key', path: 'https://app.multi.test/assets/app.js' })])
    // site.js is referenced by all three pages, served twice: fetched once per URL, its bytes scanned once.
    expect(r.details!.scripts).toBe(2)
    const fetched = (r.details!.fetched as { url: string }[]).map((f) => f.url)
    expect(fetched.filter((u) => u === 'https://multi.test/assets/site.js')).toHaveLength(1)
    expect(fetched.some((u) => u.startsWith('https://api.multi.test'))).toBe(false)
  })

  it('states its byte budget and lists what the budget left unread', async () => {
    const http = new HttpClient(profile)
    clients.push(http)
    const allowed = hostAllowList(['multi.test', 'www.multi.test', 'app.multi.test'])
    const scan = await scanBundle(getter(http, AbortSignal.timeout(30_000)), ['https://multi.test/', 'https://app.multi.test/'], allowed, { ...DEFAULT_BUNDLE_LIMITS, totalBytes: 150 })
    expect(scan.budget).toBe(150)
    expect(scan.bytes).toBeLessThanOrEqual(150)
    expect(scan.unread.length).toBeGreaterThan(0)
  })

  it('keys meant for every visitor are never "secrets": a Firebase web key is one to check, the others are not reported', async () => {
    const r = await check.run(ctx('public.test'))
    expect(r.status).toBe('warn')
    expect(r.summary).toBe('In what 1 page on public.test ships to browsers: 1 public-by-design key (Google API key (Firebase web or browser Maps key)): fine in browser code, but check its API and referrer restrictions (0.0 MB read of a 40.0 MB budget)')
    expect(r.summary).not.toMatch(/secret/)
    expect(r.details!.findings).toEqual([expect.objectContaining({ rule: 'google-api-key', publicByDesign: true })])
  })

  it('a Supabase key is judged by the role in its JWT: service_role fails next to an anon key that is fine', async () => {
    const r = await check.run(ctx('keys.test'))
    expect(r.status).toBe('fail')
    const findings = r.details!.findings as { rule: string; column: number }[]
    expect(findings.map((f) => f.rule)).toEqual(['supabase-service-role'])
    expect(findings[0].column).toBeGreaterThan(20)
    expect(JSON.stringify(r)).not.toContain(jwt('service_role'))
  })

  it('fails on keys in a JS bundle and its source map, masked, without fetching third parties', async () => {
    const r = await check.run(ctx('leaky.test'))
    expect(r.status).toBe('fail')
    const findings = r.details!.findings as { rule: string; path: string; masked: string }[]
    expect(findings.find((f) => f.rule === 'openai-key')).toMatchObject({ path: 'https://leaky.test/assets/app.js', masked: 'sk-p…[redacted]' })
    expect(findings.some((f) => f.rule === 'stripe-live-key' && f.path.endsWith('app.js.map'))).toBe(true)
    expect(r.details!.skippedThirdParty).toEqual(['https://cdn.thirdparty.example/x.js'])
    const all = JSON.stringify(r)
    expect(all).not.toContain(OPENAI)
    expect(all).not.toContain(STRIPE)
  })

  it('passes a site whose bundles hold only publishable keys', async () => {
    const r = await check.run(ctx('clean.test'))
    expect(r.summary).toMatch(/No secrets/)
    expect(r.status).toBe('pass')
    expect((r.details!.fetched as unknown[]).length).toBe(3)
  })

  it('ends as error when the site cannot be reached', async () => {
    const r = await check.run(ctx('unreachable.test'))
    expect(r.status).toBe('error')
  })
})
