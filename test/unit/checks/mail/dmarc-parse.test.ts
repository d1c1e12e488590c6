import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDmarc } from '../../../../electron/core/checks/mail/dmarc/parse'
import { describeConformance } from '../../../helpers/conformance'

describeConformance('email-auth', 'conformance: email-auth', (file) => {
  const dir = file
  const mox = JSON.parse(readFileSync(path.join(dir, 'mox_vectors.json'), 'utf8'))
  const misc = JSON.parse(readFileSync(path.join(dir, 'dmarc_misc_vectors.json'), 'utf8'))

  /**
   * Where mox is stricter than RFC 7489 we follow the RFC (§6.3 fixes only v's position):
   * these mox "bad" records are valid for us.
   */
  const RFC_OVER_MOX = new Set(['v=DMARC1; sp=reject; p=reject'])

  let count = 0
  describe('DMARC record parsing (mox vectors)', () => {
    for (const c of mox.dmarc_record_parse.bad as { record: string }[]) {
      it(`bad: ${JSON.stringify(c.record)}`, () => {
        count++
        expect(parseDmarc(c.record).ok).toBe(RFC_OVER_MOX.has(c.record))
      })
    }
    for (const c of mox.dmarc_record_parse.valid as { record: string; expect: Record<string, unknown> }[]) {
      it(`valid: ${c.record}`, () => {
        count++
        const r = parseDmarc(c.record)
        expect(r.ok).toBe(true)
        if (!r.ok) return
        const { pFallback, ...rec } = r.record
        void pFallback
        expect(rec).toEqual(c.expect)
      })
    }
    it('prints the count', () => {
      console.log(`DMARC parse vectors (mox): ${count} passed`)
    })
  })

  /**
   * OpenDMARC is lenient where RFC 7489 is not: "p=n" (prefix match) is invalid for us (§6.3 lists
   * exact values). It rejects rf=bob, while RFC 7489 defines rf as a list of format keywords and mox
   * accepts unknown ones: we follow mox/the grammar (Keyword = RFC 5321 Ldh-str, so an all-digit
   * keyword is valid too). All recorded here.
   */
  const RFC_OVER_OPENDMARC = new Set(['v=DMARC1; p=n;', 'v=DMARC1; p=none; rf=bob;', 'v=DMARC1; p=none; rf=000000000000000000000000000000000'])

  describe('DMARC record parsing (OpenDMARC statuses)', () => {
    const cases = misc.opendmarc.record_parse.cases as { record: string; expect: string; valid: boolean }[]
    for (const c of cases) {
      it(`${c.expect}: ${c.record}`, () => {
        const ok = parseDmarc(c.record).ok
        expect(ok).toBe(RFC_OVER_OPENDMARC.has(c.record) ? !c.valid : c.valid)
      })
    }
  })
})
