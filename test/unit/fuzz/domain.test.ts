import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeDomain, normalizeHost } from '@shared/domain'
import { RUNS, nastyString } from './arbitraries'

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/** A domain-ish input: real-looking names, decorated with schemes, case, dots, paths and junk. */
const domainish = fc.oneof(
  nastyString(320),
  fc.domain(),
  fc.webUrl(),
  fc.tuple(fc.constantFrom('', 'https://', 'HTTP://', ' ', 'ftp://'), fc.domain(), fc.constantFrom('', '.', '/x?y#z', ':443', ' ', '..')).map((p) => p.join('')),
  fc.tuple(fc.domain(), fc.constantFrom('ü', 'ß', '\u3002', '\u200b', '🦄', 'İ')).map(([d, c]) => c + d),
)

/** Whether a normalised name is plain lowercase ASCII LDH labels within the DNS limits. */
function wellFormed(name: string): boolean {
  return name.length <= 253 && name === name.toLowerCase() && name.split('.').every((l) => LABEL.test(l))
}

describe('fuzz: domain normalisation (shared/domain.ts)', () => {
  it('normalizeDomain never throws; ok means a well-formed, idempotent name, else a reason', () => {
    fc.assert(
      fc.property(domainish, (input) => {
        const r = normalizeDomain(input)
        if (!r.ok) {
          expect(r.reason.length).toBeGreaterThan(0)
          return
        }
        expect(wellFormed(r.domain), r.domain).toBe(true)
        expect(r.domain.split('.').length).toBeGreaterThanOrEqual(2)
        expect(normalizeDomain(r.domain)).toEqual(r)
      }),
      RUNS,
    )
  })

  it('normalizeDomain survives non-string input from an untyped caller', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        let r
        try {
          r = normalizeDomain(input as string)
        } catch (e) {
          // String(Symbol()) is fine, but objects whose toString throws are a caller bug: only
          // a TypeError from that coercion is acceptable.
          expect(e).toBeInstanceOf(TypeError)
          return
        }
        expect(typeof r.ok).toBe('boolean')
      }),
      RUNS,
    )
  })

  it('normalizeHost never throws; ok means a well-formed name at or under the domain', () => {
    fc.assert(
      fc.property(domainish, fc.constantFrom('acme.example', 'shop.example.co.uk', 'xn--bcher-kva.de'), (input, domain) => {
        const r = normalizeHost(input, domain)
        if (!r.ok) {
          expect(r.reason.length).toBeGreaterThan(0)
          return
        }
        expect(wellFormed(r.domain), r.domain).toBe(true)
        expect(r.domain === domain || r.domain.endsWith(`.${domain}`), r.domain).toBe(true)
        expect(normalizeHost(r.domain, domain)).toEqual(r)
      }),
      RUNS,
    )
  })
})
