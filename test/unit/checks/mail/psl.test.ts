import { readFileSync } from 'node:fs'
import path from 'node:path'
import { domainToASCII } from 'node:url'
import { describe, expect, it } from 'vitest'
import { registrableDomain } from '../../../../electron/core/checks/mail/dmarc/lookup'
import { describeConformance } from '../../../helpers/conformance'

describeConformance('psl', 'conformance: psl', (file) => {
  const dir = file

  /** checkPublicSuffix('input', 'expected') lines; null stays null. */
  function cases(): [string | null, string | null][] {
    const out: [string | null, string | null][] = []
    for (const line of readFileSync(path.join(dir, 'test_psl.txt'), 'utf8').split('\n')) {
      const m = /^checkPublicSuffix\((null|'[^']*'),\s*(null|'[^']*')\);/.exec(line.trim())
      if (m) out.push([m[1] === 'null' ? null : m[1].slice(1, -1), m[2] === 'null' ? null : m[2].slice(1, -1)])
    }
    return out
  }

  /** The registrable domain as the DMARC check computes it (leading dot: not a domain). */
  function registrable(input: string | null): string | null {
    if (input === null || input.startsWith('.')) return null
    return registrableDomain(domainToASCII(input.toLowerCase()) || input)
  }

  describe('Public Suffix List (tldts) through orgDomain', () => {
    const all = cases()
    it('has the upstream cases', () => expect(all.length).toBeGreaterThan(70))
    for (const [input, expected] of all) {
      it(`${input} → ${expected}`, () => {
        const want = expected === null ? null : domainToASCII(expected)
        expect(registrable(input)).toBe(want)
      })
    }
    it('prints the count', () => console.log(`PSL cases: ${all.length} (test_psl.txt) + ${plain().length} (tests.txt)`))
  })

  /** tests.txt: "input expected" per line, the same cases in the plain format. */
  function plain(): [string | null, string | null][] {
    return readFileSync(path.join(dir, 'tests.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('//'))
      .map((l) => l.split(/\s+/).map((x) => (x === 'null' ? null : x)) as [string | null, string | null])
  }

  describe('Public Suffix List tests.txt through tldts', () => {
    for (const [input, expected] of plain()) {
      it(`${input} → ${expected}`, () => expect(registrable(input)).toBe(expected === null ? null : domainToASCII(expected)))
    }
  })
})
