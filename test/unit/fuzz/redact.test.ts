import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { redact, redactDeep, registerSecret, unregisterSecret } from '../../../electron/core/vault/redact'
import { scanText } from '../../../electron/core/secrets/scanner'
import { nastyString, runs } from './arbitraries'

/** Secrets as keychains hold them: 6–64 printable characters, often with punctuation. */
const secret = fc.stringMatching(/^[A-Za-z0-9_\-+/=.:~!$&*]{6,64}$/).filter((s) => s.trim() === s)
let registered: string[] = []
afterEach(() => {
  for (const s of registered) unregisterSecret(s)
  registered = []
})
function plant(list: string[]): void {
  for (const s of list) registerSecret(s)
  registered.push(...list)
}

/** A JSON-like tree with the secrets spliced into strings and keys at random places. */
function treeWith(secrets: string[]): fc.Arbitrary<unknown> {
  const withSecret = fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...secrets), fc.string({ maxLength: 8 })).map(([a, s, b]) => a + s + b)
  const leaf = fc.oneof(withSecret, fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null), fc.boolean())
  return fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), withSecret), tie('node'), { maxKeys: 4, noNullPrototype: true }),
    ),
  })).node
}

describe('fuzz: redaction of registered secrets (electron/core/vault/redact.ts)', () => {
  it('redact() leaves no registered secret in any text, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(secret, { minLength: 1, maxLength: 4 }), nastyString(80), nastyString(80), (secrets, before, after) => {
        plant(secrets)
        const text = before + secrets.join(before.slice(0, 3)) + after
        const out = redact(text)
        for (const s of secrets) expect(out.includes(s), `${s} survived in ${out}`).toBe(false)
        for (const s of secrets) unregisterSecret(s)
        registered = []
      }),
      runs(300),
    )
  })

  it('redactDeep() leaves no registered secret (raw, URL-encoded or base64) in values or keys', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(secret, { minLength: 1, maxLength: 3 }).chain((secrets) => fc.tuple(fc.constant(secrets), treeWith([...secrets, ...secrets.map(encodeURIComponent), ...secrets.map((s) => Buffer.from(s).toString('base64'))]))),
        ([secrets, tree]) => {
          plant(secrets)
          const out = JSON.stringify(redactDeep(tree))
          for (const s of secrets) {
            for (const form of [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s), Buffer.from(s).toString('base64')]) expect(out.includes(form), `${form} survived`).toBe(false)
          }
          for (const s of secrets) unregisterSecret(s)
          registered = []
        },
      ),
      runs(200),
    )
  })

  it('a tree nested far beyond the limit is cut, not walked into a stack overflow', () => {
    plant(['deep-secret-value-123'])
    let deep: unknown = { token: 'x', note: 'deep-secret-value-123' }
    for (let i = 0; i < 5000; i++) deep = [deep]
    expect(JSON.stringify(redactDeep(deep)).includes('deep-secret-value-123')).toBe(false)
  })
})

describe('fuzz: the secret scanner (electron/core/secrets/scanner.ts)', () => {
  const LIVE = ['sk_live_51HandoverLabFAKEkeyDoNotUse0000000000000000000000000000', 'AKIAQX7ZLAB4K2MNP9RT', 'ghp_0123456789abcdefghijABCDEFGHIJ012345']
  it('never throws on any text, and a finding never carries the full value', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString(300), fc.constantFrom(...LIVE, ''), nastyString(100), async (a, key, b) => {
        // The key on a line of its own: rules want word boundaries (AKIA…0 is not an AWS key id).
        const text = `${a}\n${key}\n${b}`
        const findings = await scanText(text, 'fuzz.txt', { secretlint: false })
        for (const f of findings) {
          expect(f.line).toBeGreaterThanOrEqual(1)
          for (const k of LIVE) expect(f.masked.includes(k)).toBe(false)
        }
        // A NUL in the first 8 KiB marks the text binary: skipped by design.
        if (key && !text.slice(0, 8192).includes('\u0000')) expect(findings.length, `missed ${key} after ${JSON.stringify(a).slice(0, 200)}`).toBeGreaterThan(0)
      }),
      runs(200),
    )
  })
})
