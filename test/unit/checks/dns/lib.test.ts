import { describe, expect, it } from 'vitest'
import { dsMatches, keyTag, makeDs } from '../../../../electron/core/checks/dns/lib/dnssec'
import { caaPermits } from '../../../../electron/core/checks/dns/lib/issuer'
import { takeoverService } from '../../../../electron/core/checks/dns/lib/takeover'
import { mxMatches, parseStsPolicy } from '../../../../electron/core/checks/mail/mta-sts/policy'

// RFC 4034 §5.4: the DS example for dskey.example.com (key id 60485, SHA-1).
const key = {
  flags: 256,
  algorithm: 5,
  key: 'AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw==',
}

describe('DNSSEC helpers', () => {
  it('computes the RFC 4034 example key tag and matches its DS', () => {
    expect(keyTag(key)).toBe(60485)
    const ds = { keyTag: 60485, algorithm: 5, digestType: 1, digest: '2BB183AF5F22588179A53B0A98631FAD1A292118' }
    expect(dsMatches('dskey.example.com', ds, key)).toBe(true)
    expect(dsMatches('other.example.com', ds, key)).toBe(false)
    expect(dsMatches('dskey.example.com', makeDs('dskey.example.com', key, 2), key)).toBe(true)
  })
})

describe('CAA and takeover helpers', () => {
  it('matches CAA issuer domains to the certificate issuer', () => {
    expect(caaPermits('letsencrypt.org', { host: 'x', organization: "Let's Encrypt", commonName: 'R11' })).toBe(true)
    expect(caaPermits('digicert.com; validationmethods=dns-01', { host: 'x', organization: 'DigiCert Inc' })).toBe(true)
    expect(caaPermits('letsencrypt.org', { host: 'x', organization: 'DigiCert Inc' })).toBe(false)
    expect(caaPermits('lab-ca.example', { host: 'x', organization: 'Handover Lab', unit: 'CAA lab-ca.example' })).toBe(true)
    expect(caaPermits(';', { host: 'x', organization: 'DigiCert Inc' })).toBe(false)
  })
  it('recognises third-party services where takeovers happen', () => {
    expect(takeoverService('old-app.herokuapp.com.')).toBe('Heroku')
    expect(takeoverService('acme.github.io')).toBe('GitHub Pages')
    expect(takeoverService('www.example.com')).toBeUndefined()
  })
})

describe('MTA-STS policy', () => {
  it('parses a policy and matches MX patterns (one label wildcards)', () => {
    const p = parseStsPolicy('version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n')
    expect(p).toEqual({ ok: true, policy: { version: 'STSv1', mode: 'enforce', mx: ['mail.example.com', '*.example.net'], maxAge: 604800 } })
    expect(mxMatches('*.example.net', 'mx1.example.net')).toBe(true)
    expect(mxMatches('*.example.net', 'a.b.example.net')).toBe(false)
    expect(parseStsPolicy('version: STSv1\nmode: sometimes\nmax_age: 1').ok).toBe(false)
    expect(parseStsPolicy('<html>not a policy</html>').ok).toBe(false)
  })
})
