import { describe, expect, it } from 'vitest'
import { createServices } from '../../../../electron/core/checks/services'
import { peekIssuer } from '../../../../electron/core/checks/dns/lib/issuer'
import { startLab } from '../../../../electron/lab'
import { healthyWith, runOn } from '../engine/variants'

describe('DNS checks against variants of the healthy scenario', () => {
  it('dns.delegation: the parent lists a server the zone does not → mismatch fails', async () => {
    const r = await runOn(healthyWith((z) => (z.parent = { ...z.parent, ns: ['ns1.tidy.example', 'ns2.tidy.example', 'ns9.tidy.example'] })), ['dns.delegation'])
    expect(r['dns.delegation'].status).toBe('fail')
    expect(r['dns.delegation'].summary).toMatch(/ns9\.tidy\.example/)
  })

  it('dns.delegation: a lame server fails', async () => {
    const r = await runOn(healthyWith((z) => (z.nameservers[1].lame = true)), ['dns.delegation'])
    expect(r['dns.delegation']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/Lame delegation: ns2\.tidy\.example/) })
  })

  it('dns.dnssec: DS that does not match fails, DNSKEY without DS warns', async () => {
    expect((await runOn(healthyWith((z) => (z.dnssec = 'broken')), ['dns.dnssec']))['dns.dnssec'].status).toBe('fail')
    expect((await runOn(healthyWith((z) => (z.dnssec = 'no-ds')), ['dns.dnssec']))['dns.dnssec'].status).toBe('warn')
  })

  it('dns.caa: a CAA that forbids the current issuer fails', async () => {
    const r = await runOn(healthyWith(() => undefined, [{ name: '@', type: 'CAA', data: '0 issue "letsencrypt.org"' }], [{ name: '@', type: 'CAA' }]), ['dns.caa'])
    expect(r['dns.caa']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/allows only letsencrypt\.org.*Handover Lab/) })
  })

  it('dns.caa: a certificate issuer that cannot be read is said in words, never as a raw resolver error', async () => {
    const lab = await startLab('healthy')
    const services = createServices(lab.profile)
    try {
      const r = await peekIssuer(services.tls, 'nowhere.tidy.example', AbortSignal.timeout(20_000))
      expect(r.error).toBe('nowhere.tidy.example has no address in DNS')
    } finally {
      await services.http.close()
      await lab.close()
    }
  })

  it('dns.hosts: a declared host that does not exist fails; dns.dangling flags a CNAME to a dead Heroku app', async () => {
    const s = healthyWith(() => undefined, [{ name: 'app', type: 'CNAME', data: 'gone-app.herokuapp.com' }], [{ name: 'app', type: 'A' }])
    s.hosts.push({ name: 'ghost.tidy.example', role: 'other' })
    const r = await runOn(s, ['dns.hosts', 'dns.dangling'])
    expect(r['dns.hosts ghost.tidy.example']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/NXDOMAIN/) })
    expect(r['dns.dangling']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/Takeover risk: app\.tidy\.example → gone-app\.herokuapp\.com \(Heroku/) })
  })

  it('dns.dangling: a dangling CNAME that is neither declared nor guessable is found through the Cloudflare zone listing', async () => {
    const s = healthyWith(() => undefined)
    s.providers!.cloudflare!.zones![0].records!.push({ type: 'CNAME', name: 'spring-promo-2023', content: 'spring-promo-2023.herokuapp.com', proxied: true } as never)
    // Without the API the name is invisible: not declared, not a common label.
    expect((await runOn(s, ['dns.dangling']))['dns.dangling'].status).toBe('pass')
    const r = (await runOn(s, ['dns.dangling'], true))['dns.dangling']
    expect(r).toMatchObject({ status: 'fail', summary: expect.stringMatching(/^Takeover risk: spring-promo-2023\.tidy\.example → spring-promo-2023\.herokuapp\.com \(Heroku, unclaimed\)/) })
  })

  it('dns.dangling on the healthy zone with its Cloudflare listing passes and says it read the whole zone', async () => {
    const r = (await runOn(healthyWith(() => undefined), ['dns.dangling'], true))['dns.dangling']
    expect(r).toMatchObject({ status: 'pass', summary: expect.stringMatching(/across the \d+ names the Cloudflare zone lists/) })
  })
})
