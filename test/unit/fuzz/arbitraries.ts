import fc from 'fast-check'

/** FUZZ_SCALE=10 multiplies every property's runs for a deeper, slower exploratory pass. */
const SCALE = Math.max(0.1, Number(process.env.FUZZ_SCALE ?? 1) || 1)

/**
 * The same inputs on every run, so a landing never depends on the dice: FUZZ_SEED=<n> replays
 * another seed (a failure prints its own), FUZZ_SEED=random explores new ground.
 */
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261207) | 0

/** fast-check settings for `n` runs (scaled): bounded so each property stays well under ten seconds. */
export function runs(n: number): { numRuns: number; seed?: number } {
  return { numRuns: Math.max(1, Math.round(n * SCALE)), ...(SEED === undefined ? {} : { seed: SEED }) }
}

/** The default: 300 runs. */
export const RUNS = runs(300)

/** Characters that break naive parsers: separators, quotes, control bytes, percent, unicode. */
const NASTY = [
  '.', '..', '-', '_', ':', ';', '=', ',', '/', '\\', '%', '%%', '%{', '}', '@', '#', '?', '!', '"', "'", ' ', '\t', '\n', '\r',
  '\u0000', '\u00a0', '\u200b', '\u3002', 'xn--', 'ü', '🦄', '[', ']', '*', '+', '~', '^', '$', 'v=', 'DMARC1', 'spf1',
]

/** Strings mixing plain text with the nastiest tokens of the grammars under test. */
export function nastyString(maxLength = 200): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,70}$/) },
  )
  return fc.array(piece, { maxLength: 30 }).map((a) => a.join('').slice(0, maxLength))
}

/** Strings built from the tokens of one grammar, so the fuzzer gets past the first check. */
export function tokens(words: string[], sep: string[] = [' ', ';', '']): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...words), nastyString(20)), fc.constantFrom(...sep)), { maxLength: 14 })
    .map((a) => a.map(([w, s]) => w + s).join(''))
}
