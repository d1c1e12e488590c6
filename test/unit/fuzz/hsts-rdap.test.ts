import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HSTS_MAX_AGE_CAP, parseHstsStrict } from '../../../electron/core/checks/http/lib/hsts-strict'
import { parsePreloadHeader, preloadableHeader, removableHeader, responseIssues } from '../../../electron/core/checks/http/lib/hsts-preload'
import { parseRdapDomain, parseRdapDomainText } from '../../../electron/core/providers/rdap/parse'
import { parseBootstrap, rdapBaseFor } from '../../../electron/core/providers/rdap/bootstrap'
import { ProviderError } from '../../../electron/core/providers/errors'
import { RUNS, nastyString, tokens, runs } from './arbitraries'

const HSTS_WORDS = ['max-age=31536000', 'max-age="63072000"', 'MAX-AGE=0', 'max-age=', 'max-age=-1', 'max-age=1e9', 'max-age=99999999999999999999', 'includeSubDomains', 'includesubdomains=1', 'preload', 'preload=""', 'x="a;b"', '"', '=', ';', ' ']
const hsts = fc.oneof(tokens(HSTS_WORDS, ['; ', ';', ' ', '']), nastyString(200))

describe('fuzz: HSTS header parsers (electron/core/checks/http/lib)', () => {
  it('parseHstsStrict never throws; valid headers carry a sane clamped max-age', () => {
    fc.assert(
      fc.property(hsts, (h) => {
        const r = parseHstsStrict(h)
        if (!r.valid) expect(r.reason?.length).toBeGreaterThan(0)
        else if (r.maxAge !== undefined) {
          expect(r.maxAge).toBeGreaterThanOrEqual(0)
          expect(r.maxAgeClamped).toBeLessThanOrEqual(HSTS_MAX_AGE_CAP)
        }
      }),
      runs(500),
    )
  })

  it('the preload-list rules never throw and always explain their errors', () => {
    fc.assert(
      fc.property(hsts, fc.array(hsts, { maxLength: 3 }), (h, values) => {
        parsePreloadHeader(h)
        for (const is of [preloadableHeader(h), removableHeader(h), responseIssues(values, preloadableHeader)]) {
          for (const i of [...is.errors, ...is.warnings]) expect(i.message.length).toBeGreaterThan(0)
        }
      }),
      RUNS,
    )
  })
})

/** RDAP-ish JSON: the right keys with random or wrong-typed values, or anything at all. */
const rdapJson = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record(
    {
      objectClassName: fc.oneof(fc.constant('domain'), fc.string()),
      ldhName: fc.oneof(fc.domain(), fc.string(), fc.integer()),
      status: fc.oneof(fc.array(fc.constantFrom('active', 'clientTransferProhibited', 'client transfer prohibited', '')), fc.string(), fc.array(fc.anything({ maxDepth: 1 }))),
      events: fc.oneof(
        fc.array(fc.record({ eventAction: fc.oneof(fc.constantFrom('registration', 'expiration', 'last changed'), fc.string()), eventDate: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.integer()) }, { requiredKeys: [] })),
        fc.anything({ maxDepth: 2 }),
      ),
      entities: fc.oneof(fc.array(fc.record({ roles: fc.array(fc.constantFrom('registrar', 'abuse', 'x')), vcardArray: fc.anything({ maxDepth: 3 }), publicIds: fc.anything({ maxDepth: 2 }), entities: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] })), fc.anything({ maxDepth: 2 })),
      nameservers: fc.oneof(fc.array(fc.record({ ldhName: fc.oneof(fc.domain(), fc.anything({ maxDepth: 1 })) }, { requiredKeys: [] })), fc.anything({ maxDepth: 2 })),
      secureDNS: fc.anything({ maxDepth: 2 }),
      errorCode: fc.oneof(fc.constant(undefined), fc.integer()),
    },
    { requiredKeys: ['objectClassName', 'ldhName'] },
  ),
)

function expectParsedOrProviderError(fn: () => unknown): void {
  try {
    fn()
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ProviderError)
    expect((e as ProviderError).kind).toBe('invalid_response')
  }
}

describe('fuzz: RDAP parsing (electron/core/providers/rdap)', () => {
  it('parseRdapDomain returns a domain or an invalid_response ProviderError', () => {
    fc.assert(fc.property(rdapJson, (j) => expectParsedOrProviderError(() => parseRdapDomain(j))), runs(500))
  })

  it('parseRdapDomainText survives any text, including truncated JSON', () => {
    fc.assert(
      fc.property(fc.oneof(nastyString(300), rdapJson.map((j) => JSON.stringify(j) ?? '')), fc.nat(), (text, cut) => {
        expectParsedOrProviderError(() => parseRdapDomainText(text))
        expectParsedOrProviderError(() => parseRdapDomainText(text.slice(0, cut % (text.length + 1))))
      }),
      RUNS,
    )
  })

  it('the bootstrap file parser and lookup never throw anything but a ProviderError', () => {
    const boot = fc.oneof(fc.anything({ maxDepth: 4 }), fc.record({ services: fc.array(fc.tuple(fc.array(fc.oneof(fc.constantFrom('example', 'com', ''), fc.string())), fc.array(fc.oneof(fc.webUrl(), fc.string())))) }))
    fc.assert(
      fc.property(boot, fc.oneof(fc.domain(), nastyString(60)), (b, domain) => {
        let parsed
        try {
          parsed = parseBootstrap(b)
        } catch (e) {
          expect(e).toBeInstanceOf(ProviderError)
          return
        }
        const base = rdapBaseFor(parsed, domain)
        if (base !== undefined) expect(typeof base).toBe('string')
      }),
      RUNS,
    )
  })
})
