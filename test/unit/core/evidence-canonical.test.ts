import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../electron/core/evidence/canonical'
import { runs } from '../fuzz/arbitraries'

/** The first, straightforward implementation: the optimised one must give the same bytes (stored hashes depend on it). */
function reference(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold NaN or Infinity')
    return JSON.stringify(value)
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString())
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`
  }
  return 'null'
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
// Full-range strings: quotes, backslashes, controls, emoji and lone surrogates.
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('"', '\\', '\u0000\n\t', '\ud800', 'a\udc00b', '😀', '\u2028'))
const leaf = fc.oneof(text, finite, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt(), fc.date({ noInvalidDate: true }))
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v')), fc.dictionary(fc.oneof(text, fc.constantFrom('10', '2', '__proto__x', '')), tie('v'))),
})).v

describe('canonical JSON (optimised) matches the reference byte for byte', () => {
  it('on random JSON-like values, including odd strings, integer-like keys and undefined members', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v))
      }),
      runs(2000),
    )
  })

  it('on the edge cases by hand', () => {
    const odd = [
      ...[undefined, () => 1, Symbol('s'), { f: () => 1, u: undefined, s: Symbol('x') }, [undefined, () => 1], { 10: 1, 2: 2, a: 3 }, new Date(0), -0, 1e21, 5n, { b: { d: 1, c: [] } }],
      // what JSON.stringify alone would get wrong: an own "__proto__" member, a toJSON method,
      // members JSON.stringify would skip or call, boxed values and collections
      JSON.parse('{"__proto__": {"z": 1, "a": 2}, "b": 1}'),
      { toJSON: () => 'not me', a: 1 },
      { nested: [{ s: Symbol('y') }, { k: 1 }] },
      [Symbol('z'), 1],
      new String('ab'),
      new Number(5),
      new Map([['a', 1]]),
      { d: new Date(86_400_000), n: null },
    ]
    for (const v of odd) expect(canonicalJson(v)).toBe(reference(v))
    expect(() => canonicalJson({ at: new Date(Number.NaN) })).toThrow(RangeError)
    expect(() => canonicalJson({ a: [Number.POSITIVE_INFINITY] })).toThrow(/NaN or Infinity/)
  })
})
