import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSpf } from '../../../electron/core/checks/mail/spf/parse'
import { expandMacros, validateMacroString, type MacroContext } from '../../../electron/core/checks/mail/spf/macro'
import { checkHost } from '../../../electron/core/checks/mail/spf/check-host'
import { lintSpf } from '../../../electron/core/checks/mail/spf/lint'
import type { SpfDns } from '../../../electron/core/checks/mail/spf/dns'
import { SpfError } from '../../../electron/core/checks/mail/spf/types'
import { parseDmarc } from '../../../electron/core/checks/mail/dmarc/parse'
import { parseDkimKey } from '../../../electron/core/checks/mail/dkim/parse'
import { RUNS, nastyString, tokens, runs } from './arbitraries'

const SPF_WORDS = [
  'v=spf1', 'v=spf1 ', 'all', '-all', '~all', '+all', '?all', 'include:', 'include:_spf.fuzz.example', 'a', 'a:', 'a/24', 'a//64', 'mx', 'mx/0',
  'ptr', 'ip4:', 'ip4:192.0.2.0/24', 'ip4:300.1.1.1', 'ip6:2001:db8::/32', 'ip6:::1', 'exists:%{i}.%{d}', 'redirect=', 'redirect=r.fuzz.example',
  'exp=', 'exp=e.fuzz.example', '%{l1r-}', '%{d2}', '%{ir}.%{v}.arpa', '%{p}', '%{h}', '%{c}', '%{t}', '%{s}', '%{o}', '%%', '%_', '%-', '%',
  'unknown=x', 'x-mod=%{z}', '=', ':', '/', '%{d999999999999999999}',
]
const spfText = tokens(SPF_WORDS, [' ', '', '  '])

/** An in-memory DNS: every name answers one random SPF-ish TXT, A/MX answers, or fails. */
function fakeDns(records: Record<string, string>, seed: number): SpfDns {
  let calls = 0
  const bound = () => {
    // A fuzzed record can recurse (include loops); the engine must bound it, the fake just counts.
    if (++calls > 500) throw new Error('unbounded SPF evaluation: over 500 DNS queries')
  }
  const pick = (name: string) => {
    const k = Object.keys(records)
    return k.length ? records[k[(name.length + seed) % k.length]] : ''
  }
  return {
    async txt(name) {
      bound()
      if ((name.length + seed) % 7 === 0) throw new SpfError('temperror', `${name}: SERVFAIL`)
      const r = pick(name)
      return { records: r ? [r] : [], void: !r }
    },
    async addrs(name, type) {
      bound()
      return (name.length + seed) % 3 === 0 ? { records: [], void: true } : { records: [type === 'A' ? '192.0.2.1' : '2001:db8::1'], void: false }
    },
    async mx(name) {
      bound()
      return { records: [`mx.${name}`], void: false }
    },
    async ptr() {
      bound()
      return ['host.fuzz.example']
    },
  }
}

const ctx: MacroContext = {
  sender: 'strong-bad@email.example.com',
  localPart: 'strong-bad',
  senderDomain: 'email.example.com',
  domain: 'email.example.com',
  ip: '192.0.2.3',
  clientIp: '192.0.2.3',
  v: 'in-addr',
  helo: 'mx.example.org',
  receiver: 'rx.example',
  validatedName: async () => 'mx.example.org',
  now: () => 1_700_000_000_000,
}

describe('fuzz: SPF (electron/core/checks/mail/spf)', () => {
  it('parseSpf returns a record or throws SpfError permerror, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(spfText, nastyString(300)), (txt) => {
        try {
          const r = parseSpf(txt)
          expect(Array.isArray(r.terms)).toBe(true)
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(SpfError)
          expect((e as SpfError).message.length).toBeGreaterThan(0)
        }
      }),
      runs(500),
    )
  })

  it('macro expansion either expands or raises a permerror', async () => {
    const macro = tokens(['%{s}', '%{l}', '%{o}', '%{d}', '%{i}', '%{p}', '%{v}', '%{h}', '%{c}', '%{r}', '%{t}', '%{d1r}', '%{L-}', '%{S}', '%{ir.-+,/_=}', '%{d0}', '%%', '%_', '%-', '%', '%{', '}', '.', 'x'], [''])
    await fc.assert(
      fc.asyncProperty(fc.oneof(macro, nastyString(120)), fc.boolean(), async (s, explain) => {
        try {
          validateMacroString(s, explain, s)
          const out = await expandMacros(s, ctx, explain)
          expect(typeof out).toBe('string')
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(SpfError)
        }
      }),
      RUNS,
    )
  })

  it('check_host over random records always ends in an RFC 7208 result, within the lookup limits', async () => {
    const world = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), spfText.map((s) => (s.startsWith('v=spf1') ? s : `v=spf1 ${s}`)), { minKeys: 1, maxKeys: 4 })
    await fc.assert(
      fc.asyncProperty(world, fc.nat(1000), fc.constantFrom('192.0.2.1', '2001:db8::1', 'not-an-ip'), async (records, seed, ip) => {
        const r = await checkHost({ ip, domain: 'fuzz.example', sender: 'a@fuzz.example', helo: 'mx.fuzz.example', dns: fakeDns(records, seed) })
        expect(['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror']).toContain(r.result)
        expect(r.lookups).toBeLessThanOrEqual(11)
        if (r.result === 'permerror' || r.result === 'temperror') expect(r.error ?? '', JSON.stringify(records)).not.toBe('')
      }),
      runs(250),
    )
  })

  it('the linter walks random include trees without throwing', async () => {
    const world = fc.dictionary(fc.constantFrom('a', 'b', 'c'), spfText.map((s) => `v=spf1 ${s}`), { minKeys: 1, maxKeys: 3 })
    await fc.assert(
      fc.asyncProperty(world, fc.nat(1000), async (records, seed) => {
        try {
          const lint = await lintSpf(fakeDns(records, seed), 'fuzz.example')
          for (const i of lint.issues) expect(i.message.length).toBeGreaterThan(0)
        } catch (e) {
          // A DNS failure of the top record is the only expected exception (the check reports it).
          expect(e, String(e)).toBeInstanceOf(SpfError)
        }
      }),
      runs(200),
    )
  })
})

describe('fuzz: DMARC and DKIM record parsers', () => {
  const DMARC = ['v=DMARC1', 'p=none', 'p=reject', 'p=quarantine', 'p=', 'sp=reject', 'rua=mailto:a@fuzz.example', 'rua=mailto:a@x!10m', 'rua=mailto:a@x!99999999999999999999', 'ruf=', 'pct=', 'pct=100', 'pct=101', 'adkim=s', 'aspf=x', 'ri=86400', 'fo=1:d', 'rf=afrf', 'np=reject', 'v=DMARC2', '=', ';']
  const DKIM = ['v=DKIM1', 'k=rsa', 'k=ed25519', 'k=dsa', 'p=', 'p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ', 'p=AAAA', 'p=!!', 't=y', 't=s', 'h=sha256', 'h=md5', 's=email', 's=*', 'n=note', '=', ';']

  it('parseDmarc never throws: a record or an error message', () => {
    fc.assert(
      fc.property(fc.oneof(tokens(DMARC, ['; ', ';', ' ']), nastyString(300)), (txt) => {
        const r = parseDmarc(txt)
        if (r.ok) expect(['none', 'quarantine', 'reject']).toContain(r.record.p)
        else expect(r.error.length).toBeGreaterThan(0)
      }),
      runs(500),
    )
  })

  it('parseDkimKey never throws: a key or an error of a known kind', () => {
    fc.assert(
      fc.property(fc.oneof(tokens(DKIM, ['; ', ';', '']), nastyString(300), fc.base64String({ maxLength: 400 }).map((p) => `v=DKIM1; k=rsa; p=${p}`)), (txt) => {
        const r = parseDkimKey(txt)
        if (!r.ok) {
          expect(r.error.length).toBeGreaterThan(0)
          expect(['syntax', 'missing-p', 'version-first', 'duplicate', 'bad-key', 'unknown-algorithm']).toContain(r.kind)
        }
      }),
      runs(500),
    )
  })
})
