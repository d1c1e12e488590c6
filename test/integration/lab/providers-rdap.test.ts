import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProviders, type ProviderServer } from '../../../electron/lab/providers'
import { DOMAINS, fixture } from './providers-fixture'
import { describeConformance } from '../../helpers/conformance'

describeConformance('rdap', 'conformance: rdap', (file) => {
  /** RDAP shapes compared with the ICANN conformance samples in ../shared/conformance/rdap. */
  const RDAP = file
  const sample = (p: string) => JSON.parse(readFileSync(resolve(RDAP, p), 'utf8')) as Record<string, unknown>
  type Obj = Record<string, unknown>

  let lab: ProviderServer
  beforeAll(async () => {
    lab = await startProviders(fixture(), { domains: DOMAINS })
  })
  afterAll(async () => {
    await lab?.close()
  })

  /** Follow the bootstrap like RFC 9224 says: longest matching label, then `<base>domain/<name>`. */
  async function lookup(name: string): Promise<{ status: number; type: string | null; body: Obj }> {
    const boot = (await (await fetch(lab.urls.rdapBootstrap as string)).json()) as { services: [string[], string[]][] }
    const svc = boot.services.find(([labels]) => labels.some((l) => name.endsWith(`.${l}`)))
    if (!svc) throw new Error(`no RDAP service for ${name}`)
    const res = await fetch(`${svc[1][0]}domain/${name}`, { headers: { accept: 'application/rdap+json' } })
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Obj }
  }

  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)

  describe('lab RDAP', () => {
    it('publishes an IANA-format bootstrap for the scenario TLDs', async () => {
      const boot = (await (await fetch(lab.urls.rdapBootstrap as string)).json()) as Obj
      const iana = sample('dataset/dns.json')
      expect(Object.keys(boot).sort()).toEqual(Object.keys(iana).sort())
      expect(boot.services).toEqual([[['example', 'test'], [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/rdap\/$/)]]])
    })

    it('answers a domain with the same structure as the conformance sample', async () => {
      const { status, type, body } = await lookup('launch.example')
      expect(status).toBe(200)
      expect(type).toMatch(/^application\/rdap\+json/)
      const valid = sample('validators/domain/valid.json')
      for (const key of Object.keys(valid)) expect(typeOf(body[key]), key).toBe(typeOf(valid[key]))
      expect(body).toMatchObject({ objectClassName: 'domain', ldhName: 'LAUNCH.EXAMPLE', status: ['ok'], secureDNS: { delegationSigned: false } })
      const registrar = (body.entities as Obj[]).find((e) => (e.roles as string[]).includes('registrar')) as Obj
      const fn = ((registrar.vcardArray as [string, unknown[][]])[1]).find((p) => p[0] === 'fn') as unknown[]
      expect(fn[3]).toBe('Lab Registrar, Inc.')
      expect(registrar.publicIds).toEqual([{ type: 'IANA Registrar ID', identifier: '9999' }])
      const events = Object.fromEntries((body.events as { eventAction: string; eventDate: string }[]).map((e) => [e.eventAction, Date.parse(e.eventDate)]))
      const days = (events.expiration - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(39)
      expect(days).toBeLessThan(41)
      expect(events.registration).toBeLessThan(Date.now())
      // No Cloudflare-zone nameservers given for the RDAP entry: the zone's are used.
      expect((body.nameservers as Obj[]).map((n) => n.ldhName)).toEqual(['ADA.NS.CLOUDFLARE.COM', 'BOB.NS.CLOUDFLARE.COM'])
    })

    it('reports a signed delegation with DS data, like the sample', async () => {
      const { body } = await lookup('signed.test')
      const ds = (body.secureDNS as { delegationSigned: boolean; dsData: Obj[] })
      expect(ds.delegationSigned).toBe(true)
      const sampleDs = (sample('validators/domain/valid.json').secureDNS as { dsData: Obj[] }).dsData[0]
      expect(Object.keys(ds.dsData[0]).sort()).toEqual(Object.keys(sampleDs).sort())
      expect((body.status as string[])).toContain('client transfer prohibited')
    })

    it('404 for an unknown domain, as an RFC 9083 error object', async () => {
      const { status, body } = await lookup('unknown.example')
      expect(status).toBe(404)
      const valid = sample('validators/error/valid.json')
      for (const key of Object.keys(valid)) expect(typeOf(body[key]), key).toBe(typeOf(valid[key]))
      expect(body.errorCode).toBe(404)
    })
  })
})
