import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeExcerpt } from '../../../electron/core/providers/excerpt'
import { ProviderError } from '../../../electron/core/providers/errors'
import { toMember, toMembership, toRecord, toRuleset, toZone } from '../../../electron/core/providers/cloudflare/map'
import { toDeployment, toEnvName } from '../../../electron/core/providers/hosting/vercel'
import { toNetlifyDeploy, toNetlifyEnvName } from '../../../electron/core/providers/hosting/netlify'
import { toBetterStackMonitor } from '../../../electron/core/providers/monitoring/betterstack'
import { toUptimeRobotMonitor } from '../../../electron/core/providers/monitoring/uptimerobot'
import { subresources } from '../../../electron/core/checks/http/lib/html'
import { directives } from '../../../electron/core/checks/http/lib/cache'
import { mxMatches, parseStsPolicy } from '../../../electron/core/checks/mail/mta-sts/policy'
import { caaPermits } from '../../../electron/core/checks/dns/lib/issuer'
import { RUNS, nastyString, runs, tokens } from './arbitraries'

const CANARY = 'HANDOVER_CANARY_0123456789ABCDEF'

/** Provider-ish JSON: objects with the field names the mappers read, any values, the canary planted in values. */
const providerJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 12 }), fc.constant(CANARY), fc.constant(`x${CANARY}y`), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('id', 'uid', 'name', 'key', 'value', 'values', 'type', 'target', 'context', 'state', 'readyState', 'created', 'status', 'url', 'roles', 'user', 'email', 'rules', 'phase', 'proxied', 'content', 'settings', 'token', 'secret', 'friendly_name', 'attributes'), fc.string({ maxLength: 6 })),
      tie('value'),
      // Answers come from JSON.parse: ordinary objects, never null-prototype ones.
      { maxKeys: 6, noNullPrototype: true },
    ),
  ),
})).value

const MAPPERS: [string, (v: unknown) => unknown][] = [
  ['cloudflare toZone', toZone],
  ['cloudflare toRecord', toRecord],
  ['cloudflare toRuleset', toRuleset],
  ['cloudflare toMember', toMember],
  ['cloudflare toMembership', toMembership],
  ['vercel toDeployment', toDeployment],
  ['vercel toEnvName', toEnvName],
  ['netlify toNetlifyDeploy', toNetlifyDeploy],
  ['netlify toNetlifyEnvName', toNetlifyEnvName],
  ['betterstack toBetterStackMonitor', toBetterStackMonitor],
  ['uptimerobot toUptimeRobotMonitor', toUptimeRobotMonitor],
]

/**
 * Regression guard, fixed (electron/core/providers/hosting/vercel.ts, toDeployment): a numeric `created` or
 * `createdAt` outside the Date range (|n| > 8.64e15, valid JSON) throws RangeError "Invalid time
 * value" from toISOString instead of being ignored or refused as invalid_response, so host.deploy
 * ends as an error quoting that message. The random properties set it aside; the it.fails below pins it.
 */
const isDateBug = (e: unknown) => e instanceof RangeError && /Invalid time value/.test(e.message)

describe('fuzz: provider response mappers (electron/core/providers)', () => {
  it.each(MAPPERS)('%s: any JSON maps or fails as a ProviderError', (name, map) => {
    fc.assert(
      fc.property(providerJson, (v) => {
        try {
          JSON.stringify(map(v))
        } catch (e) {
          if (name === 'vercel toDeployment' && isDateBug(e)) return
          expect(e, String(e)).toBeInstanceOf(ProviderError)
        }
      }),
      RUNS,
    )
  })

  it('vercel toDeployment survives an out-of-range created time', () => {
    for (const created of [8_640_000_000_000_001, -8_640_000_000_000_001, 1e300]) {
      expect(() => toDeployment({ uid: 'd1', state: 'READY', created })).not.toThrow()
      expect(() => toDeployment({ uid: 'd1', state: 'READY', createdAt: created })).not.toThrow()
    }
  })

  it.each([
    ['vercel toEnvName', toEnvName, (value: unknown) => ({ key: 'STRIPE_SECRET_KEY', value, target: ['production'], type: 'plain' })],
    ['netlify toNetlifyEnvName', toNetlifyEnvName, (value: unknown) => ({ key: 'STRIPE_SECRET_KEY', scopes: ['builds'], values: [{ value, context: 'production' }], is_secret: false })],
  ] as const)('%s keeps names only: a value never survives the mapping', (_n, map, entry) => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(CANARY), providerJson.map((j) => [CANARY, j])), (value) => {
        let out: unknown
        try {
          out = map(entry(value))
        } catch (e) {
          expect(e).toBeInstanceOf(ProviderError)
          return
        }
        expect(JSON.stringify(out)).not.toContain(CANARY)
      }),
      runs(100),
    )
  })
})

describe('fuzz: safeExcerpt (what provider responses leave in evidence)', () => {
  it('masks a known secret in every string value, however it is nested (up to the depth limit)', () => {
    fc.assert(
      fc.property(providerJson, (v) => {
        expect(JSON.stringify(safeExcerpt(v, [CANARY]))).not.toContain(CANARY)
      }),
      runs(500),
    )
  })

  // Regression guard, fixed (electron/core/providers/excerpt.ts, safeExcerpt): past MAX_DEPTH (12) an object is
  // returned as is, so secret-named fields and known secrets nested 13 levels deep reach the
  // evidence unmasked. Input: 13 nested { a: … } around { value: CANARY } (or a string with it).
  it('masks secrets and drops secret-named fields beyond the depth limit too', () => {
    let deep: unknown = { value: CANARY, note: CANARY }
    for (let i = 0; i < 13; i++) deep = { a: deep }
    expect(JSON.stringify(safeExcerpt(deep, [CANARY]))).not.toContain(CANARY)
  })

  // Regression guard, fixed (same function): object keys are copied verbatim, so a provider answer keyed by a secret
  // (e.g. { "<token>": {...} }) keeps it. Input: { [CANARY]: 1 }.
  it('masks a known secret used as an object key', () => {
    expect(JSON.stringify(safeExcerpt({ [CANARY]: 1 }, [CANARY]))).not.toContain(CANARY)
  })
})

describe('fuzz: page, cache, MTA-STS and CAA parsers', () => {
  const html = fc.oneof(
    nastyString(400),
    tokens(['<script src="', '<img src=', '<link rel="stylesheet" href=', '<iframe src="', 'http://', '//cdn.x', '">', "'", '<!--', '-->', '<svg><image href="', 'srcset="a 1x, http://b 2x"', '<base href="http://e/">', '<', '>', '</script>'], ['']),
  )
  it('subresources() never throws and returns absolute URLs', () => {
    fc.assert(
      fc.property(html, fc.constantFrom('https://acme.example/', 'https://acme.example/a/b?c#d'), (h, page) => {
        for (const r of subresources(h, page)) {
          expect(['active', 'passive']).toContain(r.kind)
          expect(typeof r.url).toBe('string')
        }
      }),
      RUNS,
    )
  })

  it('Cache-Control directives() never throws', () => {
    fc.assert(fc.property(fc.oneof(nastyString(200), tokens(['public', 'private', 'no-store', 'max-age=', 's-maxage=31536000', '"', '=', ','], [', ', ',', ''])), (v) => void directives(v)), RUNS)
  })

  it('parseStsPolicy() and mxMatches() never throw; refusals say why', () => {
    const policy = fc.oneof(nastyString(300), tokens(['version: STSv1', 'mode: enforce', 'mode: x', 'mx: *.acme.example', 'mx: mx1.acme.example', 'max_age: 86400', 'max_age: -1', 'max_age: 99999999999999999999', ':', '\r\n', '\n'], ['\n', '\r\n', '']))
    fc.assert(
      fc.property(policy, nastyString(40), nastyString(40), (body, pattern, host) => {
        const r = parseStsPolicy(body)
        if (!r.ok) expect(r.error.length).toBeGreaterThan(0)
        expect(typeof mxMatches(pattern, host)).toBe('boolean')
      }),
      RUNS,
    )
  })

  it('caaPermits() never throws on any CAA value', () => {
    fc.assert(
      fc.property(fc.oneof(nastyString(120), tokens(['0 issue "', 'lab-ca.example', '; accounturi=', '"', ';', ' ', 'letsencrypt.org', 'issuewild'], [''])), (v) => {
        expect(typeof caaPermits(v, { host: 'acme.example', organization: 'Lab CA', commonName: 'Lab CA R1', unit: 'CAA lab-ca.example' })).toBe('boolean')
      }),
      RUNS,
    )
  })
})
