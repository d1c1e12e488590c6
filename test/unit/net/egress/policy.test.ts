import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startDnsServer, type DnsServer } from '../../../../electron/lab/dns/server'
import { addressesOf } from '../../../../electron/core/net/dns/auth'
import { Resolver } from '../../../../electron/core/net/dns/resolver'
import { HttpClient } from '../../../../electron/core/net/http/client'
import { exchangeData } from '../../../../electron/core/net/http/evidence'
import { HttpError } from '../../../../electron/core/net/http/types'
import { EgressError } from '../../../../electron/core/net/egress'
import { DEFAULT_PROFILE, type NetworkProfile } from '../../../../electron/core/net/profile'
import { TlsProber } from '../../../../electron/core/net/tls/probe'
import { createDispatcher, profileFetch } from '../../../../electron/core/providers/fetch'
import { testNetwork } from '../../../../electron/core/settings/probe'
import { setTripwire, type Tripwire } from '../../../helpers/tripwire'

// The "internal service" a hostile site wants the audit to fetch: a loopback server that counts.
let target: http.Server
let targetPort = 0
let hits: string[] = []
// A public-looking site (routed by a connect-to rule, as the sandbox routes its hosts) that redirects inward.
let site: http.Server
let dns: DnsServer
let wire: Tripwire

const listen = async (s: http.Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  return (s.address() as AddressInfo).port
}

let sitePort = 0
beforeAll(async () => {
  target = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"Code":"Success"}')
  })
  targetPort = await listen(target)
  site = http.createServer((req, res) => {
    // /api/ stands for a provider API on loopback (as the sandbox serves them); the rest redirects inward
    if (req.url?.startsWith('/api/')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('[]')
    res.writeHead(302, { location: `http://127.0.0.1:${targetPort}/latest/meta-data/iam/security-credentials/x` }).end()
  })
  sitePort = await listen(site)
  dns = await startDnsServer({
    zones: ['hostile.test'],
    recursive: true,
    records: [
      { name: 'hostile.test', type: 'SOA', data: 'ns1.hostile.test. admin.hostile.test. 1 3600 600 86400 0' },
      // names that look harmless and resolve inward: judged after resolution, when connecting
      { name: 'rebind.hostile.test', type: 'A', ttl: 0, data: '127.0.0.1' },
      { name: 'mapped.hostile.test', type: 'AAAA', ttl: 0, data: '::ffff:127.0.0.1' },
      { name: 'meta.hostile.test', type: 'A', ttl: 0, data: '169.254.169.254' },
      { name: 'ns1.hostile.test', type: 'A', data: '127.0.0.1' },
    ],
  })
})
afterAll(async () => {
  await new Promise((r) => target.close(r))
  await new Promise((r) => site.close(r))
  await dns.close()
})
beforeEach(() => {
  hits = []
  wire = setTripwire()
})
afterEach(() => {
  wire.restore()
  // whatever happened, nothing tried to leave loopback
  expect(wire.stopped).toEqual([])
})

const profile = (o: Partial<NetworkProfile> = {}): NetworkProfile => ({
  ...DEFAULT_PROFILE,
  resolvers: [`127.0.0.1:${dns.port}`],
  connectTo: [{ host: 'www.hostile.test', port: 80, toHost: '127.0.0.1', toPort: sitePort }],
  timeouts: { ...DEFAULT_PROFILE.timeouts, connectMs: 2000, requestMs: 3000 },
  ...o,
})

async function refused(client: HttpClient, url: string): Promise<HttpError> {
  const e = await client.request(url).catch((x: unknown) => x)
  expect(e).toBeInstanceOf(HttpError)
  return e as HttpError
}

describe('the egress policy in the HTTP client', () => {
  it('refuses loopback, IPv4-mapped and link-local destinations, by address or by name, before any request', async () => {
    const client = new HttpClient(profile())
    try {
      const urls = [
        `http://127.0.0.1:${targetPort}/`,
        `http://[::ffff:127.0.0.1]:${targetPort}/`,
        `http://2130706433:${targetPort}/`,
        `http://rebind.hostile.test:${targetPort}/`,
        `http://mapped.hostile.test:${targetPort}/`,
        'http://meta.hostile.test/latest/meta-data/',
        'http://169.254.169.254/latest/meta-data/',
      ]
      for (const url of urls) {
        const e = await refused(client, url)
        expect(e.kind, url).toBe('blocked')
        expect(e.message, url).toMatch(/is a (loopback|link-local) address; checks do not connect there$/)
      }
      expect(hits).toEqual([])
    } finally {
      await client.close()
    }
  })

  it('does not follow a redirect into a private address, and says so', async () => {
    const client = new HttpClient(profile())
    try {
      const chain = await client.follow('http://www.hostile.test/')
      expect(chain.hops).toHaveLength(1)
      expect(chain.final).toBeUndefined()
      expect(chain.error).toMatchObject({ kind: 'blocked', url: `http://127.0.0.1:${targetPort}/latest/meta-data/iam/security-credentials/x` })
      expect(chain.error?.message).toBe(`the site redirects to a private address (http://127.0.0.1:${targetPort}/latest/meta-data/iam/security-credentials/x → 127.0.0.1, loopback); not followed`)
      expect(hits).toEqual([])
    } finally {
      await client.close()
    }
  })

  it('reaches a private target the engagement allows, by address or by name, and the exchange says so', async () => {
    const byAddress = new HttpClient(profile({ privateTargets: ['127.0.0.1'] }))
    const byName = new HttpClient(profile({ privateTargets: ['rebind.hostile.test'] }))
    try {
      const chain = await byAddress.follow('http://www.hostile.test/')
      expect(chain.final?.status).toBe(200)
      expect(chain.final?.privateTarget).toEqual({ host: '127.0.0.1', address: '127.0.0.1', range: 'loopback', allowedBy: '127.0.0.1' })
      expect(exchangeData(chain.final!).privateTarget).toMatchObject({ note: 'reached 127.0.0.1 (loopback) because the engagement allows "127.0.0.1" as a private target' })
      const x = await byName.request(`http://rebind.hostile.test:${targetPort}/health`)
      expect(x.privateTarget).toMatchObject({ host: 'rebind.hostile.test', address: '127.0.0.1', allowedBy: 'rebind.hostile.test' })
      // the allowance is exactly what it names: another private name stays refused
      expect((await refused(byName, `http://mapped.hostile.test:${targetPort}/`)).kind).toBe('blocked')
      expect(hits).toEqual(['/latest/meta-data/iam/security-credentials/x', '/health'])
    } finally {
      await byAddress.close()
      await byName.close()
    }
  })

  it('follows connect-to rules into loopback: an explicit route, not a private target', async () => {
    const client = new HttpClient(profile({ connectTo: [{ host: 'api.hostile.test', port: 80, toHost: '127.0.0.1', toPort: targetPort }] }))
    try {
      const x = await client.request('http://api.hostile.test/ping')
      expect(x.status).toBe(200)
      expect(x.privateTarget).toBeUndefined()
      expect(hits).toEqual(['/ping'])
    } finally {
      await client.close()
    }
  })
})

describe('the same policy on every other socket', () => {
  it('TLS probe: refuses a name that resolves to loopback; a version probe calls it inconclusive', async () => {
    const tls = new TlsProber(profile())
    await expect(tls.probe('rebind.hostile.test', targetPort)).rejects.toBeInstanceOf(EgressError)
    await expect(tls.peerCertificate('127.0.0.1', targetPort)).rejects.toThrow(/127\.0\.0\.1 is a loopback address/)
    expect(await tls.acceptsVersion('meta.hostile.test', 443, 'TLSv1')).toMatchObject({ accepted: false, inconclusive: true })
    expect(hits).toEqual([])
  })

  it('provider APIs: their configured base URL is reached, anywhere else private is refused', async () => {
    const agent = createDispatcher(profile({ providers: { vercel: `http://127.0.0.1:${sitePort}/api` } }))
    const fetch = profileFetch(agent)
    try {
      expect((await fetch(`http://127.0.0.1:${sitePort}/api/v9/projects`)).status).toBe(200)
      await expect(fetch(`http://127.0.0.1:${targetPort}/`)).rejects.toThrow()
      await expect(fetch(`http://rebind.hostile.test:${targetPort}/`)).rejects.toThrow()
      // a redirect (an RDAP referral, say) out of the fixed endpoint is judged like any other destination
      await expect(fetch(`http://127.0.0.1:${sitePort}/elsewhere`, { redirect: 'follow' })).rejects.toThrow()
      expect(hits).toEqual([])
    } finally {
      await agent.close()
    }
  })

  it('DNS: a nameserver whose address is private is not asked', async () => {
    const ns = await addressesOf(new Resolver(profile()), 'ns1.hostile.test')
    expect(ns.addresses).toEqual([])
    expect(ns.error).toBe('ns1.hostile.test (127.0.0.1) is a loopback address; checks do not connect there')
  })

  it('the Settings preflight says a private address would be refused, and does not connect', async () => {
    const r = await testNetwork(profile(), 'rebind.hostile.test', targetPort)
    expect(r.dns.addresses).toEqual(['127.0.0.1'])
    expect(r.connect).toMatchObject({ ok: false, error: 'rebind.hostile.test (127.0.0.1) is a loopback address; checks do not connect there' })
  })
})

describe('the tripwire these tests rely on', () => {
  it('stops a connection to a non-loopback address before it leaves the machine', async () => {
    const net = await import('node:net')
    const err = await new Promise<Error>((resolve) => net.connect({ host: '192.0.2.1', port: 9 }).once('error', resolve))
    expect((err as Error & { code?: string }).code).toBe('ETRIPWIRE')
    expect(wire.stopped).toEqual(['192.0.2.1:9'])
    wire.stopped.length = 0
  })
})
