import { describe, expect, it } from 'vitest'
import { guessRole, normalizeDomain, normalizeHost } from '@shared/domain'

describe('normalizeDomain', () => {
  it.each([
    ['Acme.Example.', 'acme.example'],
    ['  https://Example.com/ ', 'example.com'],
    ['http://acme.example', 'acme.example'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['XN--BCHER-KVA.DE', 'xn--bcher-kva.de'],
    ['example.co.uk', 'example.co.uk'],
    // .example and .test are reserved for documentation and tests (RFC 2606/6761): the sandbox's names
    ['acme-launch.test', 'acme-launch.test'],
  ])('%s → %s', (input, want) => {
    expect(normalizeDomain(input)).toEqual({ ok: true, domain: want })
  })

  it.each([
    ['', /required/],
    ['not a domain', /spaces/],
    ['localhost', /needs a dot/],
    ['co.uk', /public suffix/],
    ['192.168.1.1', /IP address/],
    ['founder@acme.example', /email/],
    ['acme.example:8080', /port/],
    ['-bad-.example', /invalid label/],
    ['a'.repeat(64) + '.example', /invalid label/],
    // not under an ICANN public suffix: names that exist only inside private networks
    ['example.internal', /not under a public top-level domain: \.internal/],
    ['localhost.localdomain', /\.localdomain is not on the ICANN list/],
    ['printer.local', /\.local is not on the ICANN list/],
    // the Public Suffix List's private section: a provider's shared suffix, and a site under one
    ['s3.amazonaws.com', /shared suffix .*not a registrable domain/],
    ['acme.github.io', /a site on github\.io, a provider's shared domain/],
    // what the input really is, not "an IP address"
    ['../../etc', /looks like a file path/],
    ['/etc/passwd', /looks like a file path/],
    ['C:\\Users\\ada', /looks like a file path/],
    ['a..b.example', /empty label/],
    ['::1', /IP address/],
    ['[2001:db8::1]', /IP address/],
    // a web address with more than a host is a paste of the wrong thing, not a domain to cut down
    ['http://acme.example/path', /^"http:\/\/acme\.example\/path" is a web address with a path; give the domain alone, like acme\.example$/],
    ['https://Example.com/path?q=1', /web address with a path/],
    ['acme.example?utm=1', /web address with a path/],
    ['acme.example#top', /web address with a path/],
  ])('refuses %j with a reason', (input, reason) => {
    const r = normalizeDomain(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })

  it.each([
    ['app.acme.com', 'acme.com', 'app'],
    ['https://WWW.Shop.example.co.uk', 'example.co.uk', 'www.shop'],
    ['api.eu.acme-launch.example', 'acme-launch.example', 'api.eu'],
  ])('answers the subdomain %j with its registrable domain and the host to keep', (input, domain, host) => {
    const r = normalizeDomain(input)
    expect(r).toMatchObject({ ok: false, suggestion: { domain, host } })
    if (!r.ok) expect(r.reason).toBe(`"${input}" is a subdomain of ${domain}: use ${domain} as the domain and keep ${host} as a host`)
    // taking the suggestion gives a domain that is accepted and the host under it
    expect(normalizeDomain(domain)).toEqual({ ok: true, domain })
    expect(normalizeHost(host, domain)).toEqual({ ok: true, domain: `${host}.${domain}` })
  })
})

describe('normalizeHost', () => {
  it('accepts labels, full names and @ relative to the domain', () => {
    expect(normalizeHost('www', 'acme.example')).toEqual({ ok: true, domain: 'www.acme.example' })
    expect(normalizeHost('API.Acme.Example.', 'acme.example')).toEqual({ ok: true, domain: 'api.acme.example' })
    expect(normalizeHost('@', 'acme.example')).toEqual({ ok: true, domain: 'acme.example' })
  })
  it('reads a pasted address by its host, never as a label under the domain', () => {
    expect(normalizeHost('https://app.acme.example', 'acme.example')).toEqual({ ok: true, domain: 'app.acme.example' })
    expect(normalizeHost('https://app.acme.example/', 'acme.example')).toEqual({ ok: true, domain: 'app.acme.example' })
    // not "https.acme.example": the host belongs to another domain
    expect(normalizeHost('https://x.other.com', 'acme.example')).toEqual({ ok: false, reason: '"https://x.other.com" is not under acme.example; give a name under it, like www' })
    expect(normalizeHost('https://app.acme.example/login', 'acme.example')).toMatchObject({ ok: false, reason: expect.stringMatching(/with a path/) })
    expect(normalizeHost('www/', 'acme.example')).toEqual({ ok: true, domain: 'www.acme.example' })
    expect(normalizeHost('user@www', 'acme.example').ok).toBe(false)
  })
  it('refuses junk', () => {
    expect(normalizeHost('bad host', 'acme.example').ok).toBe(false)
    expect(normalizeHost('', 'acme.example').ok).toBe(false)
  })
  it('guesses roles from the first label', () => {
    expect(guessRole('www')).toBe('web')
    expect(guessRole('api')).toBe('api')
    expect(guessRole('staging')).toBe('staging')
    expect(guessRole('admin')).toBe('admin')
    expect(guessRole('blog')).toBe('other')
  })
})
