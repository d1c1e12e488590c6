import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { healthyWith, runOn } from '../engine/variants'

const rsa = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
const txt = (name: string, data: string) => ({ name, type: 'TXT' as const, data })

describe('mail checks against variants of the healthy scenario', () => {
  it('mail.spf: +all fails, ?all warns, two records fail, no record fails', async () => {
    const spf = (...records: string[]) => healthyWith(() => undefined, records.map((r) => txt('@', r)), [{ name: '@', type: 'TXT' }])
    expect((await runOn(spf('v=spf1 +all'), ['mail.spf']))['mail.spf'].summary).toMatch(/\+all/)
    expect((await runOn(spf('v=spf1 mx ?all'), ['mail.spf']))['mail.spf'].status).toBe('warn')
    expect((await runOn(spf('v=spf1 -all', 'v=spf1 mx -all'), ['mail.spf']))['mail.spf']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/2 SPF records/) })
    expect((await runOn(spf('hello'), ['mail.spf']))['mail.spf']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/no SPF record/) })
    // redirect=: the qualifier that ends evaluation is the redirect target's, and it is named.
    const redirect = healthyWith(() => undefined, [txt('@', 'v=spf1 redirect=_spf.tidy.example'), txt('_spf', 'v=spf1 mx ~all')], [{ name: '@', type: 'TXT' }])
    expect((await runOn(redirect, ['mail.spf']))['mail.spf']).toMatchObject({ status: 'pass', summary: expect.stringMatching(/ending in ~all \(by redirect= to _spf\.tidy\.example\)/) })
    const rr99 = healthyWith(() => undefined, [{ name: '@', type: 'SPF', data: 'v=spf1 mx -all' }])
    expect((await runOn(rr99, ['mail.spf']))['mail.spf']).toMatchObject({ status: 'warn', summary: expect.stringMatching(/deprecated SPF-type \(99\)/) })
  })

  it('mail.dmarc: an external rua without authorization warns; a missing record fails', async () => {
    const ext = healthyWith(() => undefined, [txt('_dmarc', 'v=DMARC1; p=reject; rua=mailto:reports@dmarc-vendor.example')], [{ name: '_dmarc', type: 'TXT' }])
    expect((await runOn(ext, ['mail.dmarc']))['mail.dmarc']).toMatchObject({ status: 'warn', summary: expect.stringMatching(/not authorized/) })
    // sp=none under p=reject: every subdomain can be forged.
    const sp = healthyWith(() => undefined, [txt('_dmarc', 'v=DMARC1; p=reject; sp=none; rua=mailto:dmarc@tidy.example')], [{ name: '_dmarc', type: 'TXT' }])
    expect((await runOn(sp, ['mail.dmarc']))['mail.dmarc']).toMatchObject({ status: 'warn', summary: expect.stringMatching(/sp=none leaves every subdomain unprotected/) })
    const none = healthyWith(() => undefined, [], [{ name: '_dmarc', type: 'TXT' }])
    expect((await runOn(none, ['mail.dmarc']))['mail.dmarc'].status).toBe('fail')
  })

  it('mail.dkim: a 1024-bit key warns, test mode warns, a revoked key fails', async () => {
    const dkim = (rec: string) => healthyWith(() => undefined, [txt('google._domainkey', rec)], [{ name: 'google._domainkey', type: 'TXT' }])
    expect((await runOn(dkim(`v=DKIM1; k=rsa; p=${rsa(1024)}`), ['mail.dkim']))['mail.dkim']).toMatchObject({ status: 'warn', summary: expect.stringMatching(/1024-bit/) })
    expect((await runOn(dkim(`v=DKIM1; k=rsa; t=y; p=${rsa(2048)}`), ['mail.dkim']))['mail.dkim']).toMatchObject({ status: 'warn', summary: expect.stringMatching(/test mode/) })
    expect((await runOn(dkim('v=DKIM1; k=rsa; p='), ['mail.dkim']))['mail.dkim']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/revoked/) })
  })

  it('mail.mx: an MX host without an address fails; null MX passes', async () => {
    const bad = healthyWith(() => undefined, [{ name: '@', type: 'MX', data: '10 nowhere.tidy.example' }], [{ name: '@', type: 'MX' }])
    expect((await runOn(bad, ['mail.mx']))['mail.mx']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/nowhere\.tidy\.example does not exist/) })
    const nullMx = healthyWith(() => undefined, [{ name: '@', type: 'MX', data: '0 .' }], [{ name: '@', type: 'MX' }])
    expect((await runOn(nullMx, ['mail.mx']))['mail.mx'].status).toBe('pass')
  })

  it('a domain that sends and receives no mail (null MX, SPF -all, DMARC reject, wildcard revoked DKIM) passes every mail check, saying so', async () => {
    const s = healthyWith(
      () => undefined,
      [{ name: '@', type: 'MX', data: '0 .' }, txt('@', 'v=spf1 -all'), txt('_dmarc', 'v=DMARC1; p=reject;'), txt('*._domainkey', 'v=DKIM1; p=')],
      [{ name: '@', type: 'MX' }, { name: '@', type: 'TXT' }, { name: '_dmarc', type: 'TXT' }, { name: 'google._domainkey', type: 'TXT' }, { name: '_mta-sts', type: 'TXT' }, { name: '_smtp._tls', type: 'TXT' }],
    )
    const r = await runOn(s, ['mail.mx', 'mail.spf', 'mail.dmarc', 'mail.dkim', 'mail.mta-sts'])
    expect(Object.values(r).map((x) => x.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass'])
    expect(r['mail.dkim'].summary).toBe('tidy.example sends no mail (SPF "-all"), so no DKIM key is needed; its revoked DKIM record (a wildcard *._domainkey) makes sure nothing can be signed as it.')
    expect(r['mail.mta-sts'].summary).toMatch(/publishes a null MX \(RFC 7505\): it accepts no mail/)
    expect(r['mail.spf'].summary).toMatch(/sends no mail/)
    expect(r['mail.dmarc'].summary).toMatch(/DMARC p=reject, no reports needed: tidy\.example sends no mail/)
  })

  it('a sending domain with a wildcard revoked DKIM record names the wildcard once, not every guessed selector', async () => {
    const s = healthyWith(() => undefined, [txt('*._domainkey', 'v=DKIM1; p=')], [{ name: 'google._domainkey', type: 'TXT' }])
    const r = (await runOn(s, ['mail.dkim']))['mail.dkim']
    expect(r.status).toBe('fail')
    expect(r.summary).toMatch(/\(found: \*: revoked\)/)
  })

  it('mail.mta-sts: a policy that does not list the MX fails', async () => {
    const s = healthyWith(() => undefined, [{ name: '@', type: 'MX', data: '10 mx2.tidy.example' }, { name: 'mx2', type: 'A', data: '127.0.25.12' }], [{ name: '@', type: 'MX' }])
    expect((await runOn(s, ['mail.mta-sts']))['mail.mta-sts']).toMatchObject({ status: 'fail', summary: expect.stringMatching(/does not list MX mx2\.tidy\.example/) })
  })
})
