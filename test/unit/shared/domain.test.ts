import { describe, expect, it } from 'vitest'
import { guessRole, normalizeDomain, normalizeHost } from '@shared/domain'

describe('normalizeDomain', () => {
  it.each([
    ['Acme.Example.', 'acme.example'],
    ['  https://www.Example.com/path?q=1 ', 'www.example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['XN--BCHER-KVA.DE', 'xn--bcher-kva.de'],
    ['shop.example.co.uk', 'shop.example.co.uk'],
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
  ])('refuses %j with a reason', (input, reason) => {
    const r = normalizeDomain(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })
})

describe('normalizeHost', () => {
  it('accepts labels, full names and @ relative to the domain', () => {
    expect(normalizeHost('www', 'acme.example')).toEqual({ ok: true, domain: 'www.acme.example' })
    expect(normalizeHost('API.Acme.Example.', 'acme.example')).toEqual({ ok: true, domain: 'api.acme.example' })
    expect(normalizeHost('@', 'acme.example')).toEqual({ ok: true, domain: 'acme.example' })
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
