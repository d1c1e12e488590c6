import fc from 'fast-check'
import * as dnsPacket from 'dns-packet'
import { describe, expect, it } from 'vitest'
import { parseReply, toResponse } from '../../../electron/core/net/dns/wire'
import { DnsError } from '../../../electron/core/net/dns/errors'
import { RUNS, runs } from './arbitraries'

const NAME = 'fuzz.example'
const ID = 4242

/** Decode then shape as evidence: the path every resolver answer takes. Returns the error kind or 'ok'. */
function decode(buf: Buffer, type = 'A'): string {
  try {
    const p = parseReply(buf, ID, NAME, type, '127.0.0.1:53')
    const r = toResponse(p, '127.0.0.1:53', 'udp', NAME, type, 1)
    // Evidence must be plain JSON: no Buffers, no cycles.
    JSON.stringify(r)
    return 'ok'
  } catch (e) {
    if (e instanceof DnsError) return e.kind
    throw new Error(`undecodable reply escaped as ${String(e)} for ${buf.toString('hex').slice(0, 200)}`, { cause: e })
  }
}

const record = fc.oneof(
  fc.ipV4().map((data) => ({ type: 'A', name: NAME, ttl: 60, data })),
  fc.ipV6().map((data) => ({ type: 'AAAA', name: NAME, ttl: 60, data })),
  fc.domain().map((data) => ({ type: 'CNAME', name: NAME, ttl: 60, data })),
  fc.array(fc.string({ maxLength: 255 }), { minLength: 1, maxLength: 3 }).map((data) => ({ type: 'TXT', name: NAME, ttl: 60, data })),
  fc.tuple(fc.nat(65535), fc.domain()).map(([preference, exchange]) => ({ type: 'MX', name: NAME, ttl: 60, data: { preference, exchange } })),
  fc.tuple(fc.nat(255), fc.constantFrom('issue', 'iodef', 'issuewild'), fc.string({ maxLength: 40 })).map(([flags, tag, value]) => ({ type: 'CAA', name: NAME, ttl: 60, data: { flags, tag, value } })),
)

/** A well-formed answer to our question, so mutations land past the header checks. */
const validReply = fc.array(record, { maxLength: 5 }).map((answers) =>
  dnsPacket.encode({ type: 'response', id: ID, flags: dnsPacket.AUTHORITATIVE_ANSWER, questions: [{ type: 'A', name: NAME, class: 'IN' }], answers: answers as dnsPacket.Answer[] }),
)

describe('fuzz: DNS answer decoding (electron/core/net/dns/wire.ts)', () => {
  it('random bytes are refused as garbage, never an uncaught error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(['ok', 'garbage']).toContain(decode(Buffer.from(bytes)))
      }),
      runs(500),
    )
  })

  it('valid answers decode to plain JSON evidence', () => {
    fc.assert(
      fc.property(validReply, (buf) => {
        expect(decode(buf)).toBe('ok')
      }),
      RUNS,
    )
  })

  it('mutated, truncated and extended answers end as evidence or garbage', () => {
    const mutated = fc.tuple(validReply, fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 8 }), fc.nat(), fc.uint8Array({ maxLength: 40 }))
    fc.assert(
      fc.property(mutated, ([buf, flips, cut, tail]) => {
        const b = Buffer.from(buf)
        // Keep the header id and flags so the mutation reaches the question and records.
        for (const [at, v] of flips) if (b.length > 4) b[4 + (at % (b.length - 4))] = v
        const variants = [b, b.subarray(0, cut % (b.length + 1)), Buffer.concat([b, Buffer.from(tail)])]
        for (const v of variants) expect(['ok', 'garbage']).toContain(decode(v))
      }),
      RUNS,
    )
  })

  it('answers to another question or id are garbage, never used', () => {
    fc.assert(
      fc.property(validReply, fc.integer({ min: 0, max: 65535 }), (buf, id) => {
        fc.pre(id !== ID)
        const b = Buffer.from(buf)
        b.writeUInt16BE(id, 0)
        expect(decode(b)).toBe('garbage')
        expect(decode(buf, 'MX')).toBe('garbage')
      }),
      RUNS,
    )
  })
})
