import { generateKeyPairSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDkimKey } from '../../../../electron/core/checks/mail/dkim/parse'
import { describeConformance } from '../../../helpers/conformance'

describeConformance('email-auth/mox_vectors.json', 'conformance: email-auth/mox_vectors.json', (file) => {
  const mox = JSON.parse(readFileSync(file, 'utf8'))
  const KIND: Record<string, string> = {
    parseErr: 'syntax',
    errRecordMissingField: 'missing-p',
    errRecordVersionFirst: 'version-first',
    errRecordDuplicateTag: 'duplicate',
    errRecordBadPublicKey: 'bad-key',
    errRecordUnknownAlgorithm: 'unknown-algorithm',
  }

  describe('DKIM key records (mox vectors)', () => {
    let n = 0
    for (const c of mox.dkim_key_record_parse.cases as { record: string; valid: boolean; is_dkim_record: boolean; mox_error: string | null; expect?: Record<string, unknown> }[]) {
      it(JSON.stringify(c.record).slice(0, 80), () => {
        const r = parseDkimKey(c.record)
        expect(r.ok).toBe(c.valid)
        if (!r.ok) {
          expect(r.kind).toBe(KIND[c.mox_error as string])
          expect(r.isDkim).toBe(c.is_dkim_record)
        } else if (c.expect) {
          expect(r.key.k).toBe(c.expect.k)
          if (c.expect.s) expect(r.key.s).toEqual(c.expect.s)
          if (c.expect.h) expect(r.key.h).toEqual(c.expect.h)
          if (c.expect.t) expect(r.key.t).toEqual(c.expect.t)
          if (c.expect.p_base64) expect(r.key.p).toBe(c.expect.p_base64)
          if (c.expect.p_len_bytes === 0) expect(r.key.revoked).toBe(true)
        }
        n++
      })
    }
    it('an ed25519 key wrapped in PKIX with k=rsa is a bad key (the omitted programmatic case)', () => {
      const { publicKey } = generateKeyPairSync('ed25519')
      const p = publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
      const r = parseDkimKey(`v=DKIM1; k=rsa; p=${p}`)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.kind).toBe('bad-key')
      console.log(`DKIM key record vectors: ${n + 1} passed`)
    })
    it('reports RSA size and test mode', () => {
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
      const p = publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
      const r = parseDkimKey(`v=DKIM1; k=rsa; t=y; p=${p}`)
      expect(r.ok && r.key.bits).toBe(1024)
      expect(r.ok && r.key.testing).toBe(true)
    })
  })
})
