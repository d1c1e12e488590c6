import { readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PROFILE } from '../../../electron/core/net/profile'
import { createProviderServices } from '../../../electron/core/providers'
import { parseBootstrap, rdapBaseFor, readCachedBootstrap, writeCachedBootstrap } from '../../../electron/core/providers/rdap/bootstrap'
import { tempDir } from '../../helpers/tmp'
import { startFakeApi } from './fake-api'
import { describeConformance } from '../../helpers/conformance'

describeConformance('rdap/dataset/dns.json', 'conformance: rdap/dataset/dns.json', (file) => {
  const IANA = JSON.parse(readFileSync(file, 'utf8'))

  describe('RDAP bootstrap (RFC 9224) over the IANA dataset', () => {
    const boot = parseBootstrap(IANA)
    it('parses every service', () => {
      expect(boot.services.length).toBe(603)
    })
    it('picks the longest matching label and a trailing-slash base', () => {
      expect(rdapBaseFor(boot, 'example.com')).toMatch(/^https:\/\/.+\/$/)
      expect(rdapBaseFor(boot, 'shop.example.music')).toBe('http://rdap.centralnic.com/music/')
      expect(rdapBaseFor(boot, 'example.invalid-tld')).toBeUndefined()
    })
    it('prefers a longer label over its parent', () => {
      const b = parseBootstrap({ services: [[['uk'], ['https://a.example/']], [['co.uk'], ['https://b.example']]] })
      expect(rdapBaseFor(b, 'shop.co.uk')).toBe('https://b.example/')
      expect(rdapBaseFor(b, 'shop.org.uk')).toBe('https://a.example/')
    })
    it('rejects a file that is not a bootstrap', () => {
      expect(() => parseBootstrap({ services: 'x' })).toThrow(/not in the IANA format/)
      expect(() => parseBootstrap(null)).toThrow(/not in the IANA format/)
    })
  })

  describe('RDAP client: bootstrap cached in the workspace, refreshed after a day', () => {
    const tmp = tempDir()
    let api: Awaited<ReturnType<typeof startFakeApi>>
    const domain = {
      objectClassName: 'domain',
      ldhName: 'shop.test',
      status: ['client transfer prohibited'],
      events: [{ eventAction: 'expiration', eventDate: '2030-01-01T00:00:00Z' }],
    }
    beforeAll(async () => {
      api = await startFakeApi((_m, url) => {
        if (url.pathname === '/bootstrap/dns.json') return { json: { version: '1.0', services: [[['test'], [`${api.base}/rdap/`]]] } }
        if (url.pathname === '/rdap/domain/shop.test') return { json: domain, headers: { 'content-type': 'application/rdap+json' } }
        if (url.pathname === '/rdap/domain/garbage.test') return { raw: '{"objectClassName": "dom', headers: { 'content-type': 'application/rdap+json' } }
        return { status: 404, json: { errorCode: 404, title: 'Not Found' } }
      })
    })
    afterAll(async () => {
      await api.close()
      tmp.cleanup()
    })

    const services = () =>
      createProviderServices({ ...DEFAULT_PROFILE, providers: { rdapBootstrap: `${api.base}/bootstrap/dns.json` }, timeouts: { ...DEFAULT_PROFILE.timeouts, requestMs: 2000 } }, { cacheDir: tmp.dir })

    it('downloads the bootstrap once, then serves it from the cache file', async () => {
      const s = services()
      const first = await s.rdap().lookup('shop.test')
      expect(first.bootstrap).toBe('fetched')
      expect(first.domain.expiresAt).toBe('2030-01-01T00:00:00.000Z')
      expect(readdirSync(tmp.dir).filter((f) => f.startsWith('rdap-bootstrap-'))).toHaveLength(1)
      const again = await services().rdap().lookup('shop.test')
      expect(again.bootstrap).toBe('cache')
      expect(api.calls.filter((c) => c.path === '/bootstrap/dns.json')).toHaveLength(1)
      await s.close()
    })

    it('refreshes a cache older than a day', async () => {
      const url = `${api.base}/bootstrap/dns.json`
      writeCachedBootstrap(tmp.dir, url, { services: [] }, Date.now() - 2 * 86_400_000)
      expect(readCachedBootstrap(tmp.dir, url)?.ageMs).toBeGreaterThan(86_400_000)
      const r = await services().rdap().lookup('shop.test')
      expect(r.bootstrap).toBe('fetched')
      expect(readCachedBootstrap(tmp.dir, url)!.ageMs).toBeLessThan(60_000)
    })

    it('ignores a torn cache file', () => {
      const url = 'http://127.0.0.1:1/x.json'
      writeCachedBootstrap(tmp.dir, url, { services: [] })
      const f = readdirSync(tmp.dir).find((n) => n.startsWith('rdap-bootstrap-') && readFileSync(join(tmp.dir, n), 'utf8').includes('127.0.0.1:1'))!
      writeFileSync(join(tmp.dir, f), '{"url":')
      utimesSync(join(tmp.dir, f), new Date(), new Date())
      expect(readCachedBootstrap(tmp.dir, url)).toBeUndefined()
    })

    it('turns 404 and invalid JSON into clear errors', async () => {
      await expect(services().rdap().lookup('missing.test')).rejects.toThrow(/no RDAP record for missing\.test \(404\)/)
      await expect(services().rdap().lookup('garbage.test')).rejects.toThrow(/RDAP answered with invalid JSON/)
      await expect(services().rdap().lookup('example.org')).rejects.toThrow(/no RDAP service is published/)
    })
  })
})
