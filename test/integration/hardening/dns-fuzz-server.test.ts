import dgram from 'node:dgram'
import net from 'node:net'
import * as dnsPacket from 'dns-packet'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createResolver } from '../../../electron/core/net/dns'
import { DnsError } from '../../../electron/core/net/dns/errors'
import { DEFAULT_PROFILE } from '../../../electron/core/net/profile'
import { runs } from '../../unit/fuzz/arbitraries'

/**
 * The resolver against a hostile DNS server on loopback (UDP and TCP on one port), whose every
 * answer is chosen by fast-check: random bytes, wrong ids, truncation that forces TCP, a TCP
 * length prefix that lies, silence. Every lookup must end as records or a DnsError, in bounded time.
 */
type UdpMove = { kind: 'delayed'; ms: number } | { kind: 'silent' } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'wrong-id' } | { kind: 'truncated' } | { kind: 'valid' } | { kind: 'mangled'; at: number; value: number }
type TcpMove = { kind: 'close' } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'short'; extra: number } | { kind: 'valid' } | { kind: 'silent' }

let plan: { udp: UdpMove; tcp: TcpMove } = { udp: { kind: 'valid' }, tcp: { kind: 'valid' } }
let udp: dgram.Socket
let tcp: net.Server
let port = 0
const sockets = new Set<net.Socket>()

function reply(query: Buffer, opts: { tc?: boolean; id?: number } = {}): Buffer {
  const q = dnsPacket.decode(query)
  return dnsPacket.encode({
    type: 'response',
    id: opts.id ?? q.id,
    flags: (opts.tc ? dnsPacket.TRUNCATED_RESPONSE : 0) | dnsPacket.RECURSION_AVAILABLE,
    questions: q.questions,
    answers: [{ type: 'A', name: q.questions?.[0]?.name ?? 'x', ttl: 60, data: '192.0.2.7' }],
  })
}

beforeAll(async () => {
  tcp = net.createServer((s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
    s.on('error', () => undefined)
    s.once('data', (d) => {
      const m = plan.tcp
      const query = d.subarray(2)
      const framed = (b: Buffer) => Buffer.concat([Buffer.from([b.length >> 8, b.length & 255]), b])
      if (m.kind === 'close') s.destroy()
      else if (m.kind === 'bytes') s.end(Buffer.from(m.bytes))
      else if (m.kind === 'short') {
        const b = reply(query)
        s.end(Buffer.concat([Buffer.from([(b.length + m.extra) >> 8, (b.length + m.extra) & 255]), b]))
      } else if (m.kind === 'valid') s.end(framed(reply(query)))
      // silent: keep the socket open and say nothing (the client's timeout must end it)
    })
  })
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', () => r()))
  port = (tcp.address() as net.AddressInfo).port
  udp = dgram.createSocket('udp4')
  udp.on('message', (msg, rinfo) => {
    const m = plan.udp
    const send = (b: Buffer) => udp.send(b, rinfo.port, rinfo.address)
    try {
      if (m.kind === 'bytes') send(Buffer.from(m.bytes))
      else if (m.kind === 'wrong-id') send(reply(msg, { id: (msg.readUInt16BE(0) + 1) & 0xffff }))
      else if (m.kind === 'truncated') send(reply(msg, { tc: true }))
      else if (m.kind === 'valid') send(reply(msg))
      else if (m.kind === 'delayed') {
        const b = reply(msg)
        setTimeout(() => send(b), m.ms)
      } else if (m.kind === 'mangled') {
        const b = reply(msg)
        b[2 + (m.at % (b.length - 2))] = m.value
        send(b)
      }
    } catch {
      // an undecodable query is not ours to answer
    }
  })
  await new Promise<void>((r) => udp.bind(port, '127.0.0.1', () => r()))
})
afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise<void>((r) => tcp.close(() => r()))
  await new Promise<void>((r) => udp.close(() => r()))
})

const udpMove: fc.Arbitrary<UdpMove> = fc.oneof(
  fc.constant({ kind: 'silent' as const }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
  fc.constant({ kind: 'wrong-id' as const }),
  fc.constant({ kind: 'truncated' as const }),
  fc.constant({ kind: 'valid' as const }),
  fc.tuple(fc.nat(), fc.nat(255)).map(([at, value]) => ({ kind: 'mangled' as const, at, value })),
)
const tcpMove: fc.Arbitrary<TcpMove> = fc.oneof(
  fc.constant({ kind: 'close' as const }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
  fc.integer({ min: 1, max: 5000 }).map((extra) => ({ kind: 'short' as const, extra })),
  fc.constant({ kind: 'valid' as const }),
  fc.constant({ kind: 'silent' as const }),
)

describe('fuzz: the resolver against a hostile DNS server on loopback', () => {
  it('every lookup ends as records or a DnsError, in bounded time', async () => {
    const outcomes = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(udpMove, tcpMove, async (u, t) => {
        plan = { udp: u, tcp: t }
        // A fresh resolver each time: a resolver caches answers (and failures) for its run.
        const resolver = createResolver({ ...DEFAULT_PROFILE, resolvers: [`127.0.0.1:${port}`], timeouts: { ...DEFAULT_PROFILE.timeouts, dnsMs: 250 } })
        let limit: NodeJS.Timeout | undefined
        const bound = new Promise<never>((_, reject) => (limit = setTimeout(() => reject(new Error(`lookup hung with ${u.kind}/${t.kind}`)), 15_000)))
        try {
          const r = await Promise.race([resolver.lookup('fuzz.example', 'A'), bound])
          outcomes.set('answer', (outcomes.get('answer') ?? 0) + 1)
          expect(Array.isArray(r.records)).toBe(true)
        } catch (e) {
          if (!(e instanceof DnsError)) throw e
          outcomes.set(e.kind, (outcomes.get(e.kind) ?? 0) + 1)
          expect(e.message.length).toBeGreaterThan(0)
        } finally {
          clearTimeout(limit)
        }
      }),
      runs(60),
    )
    console.log('dns-fuzz-server outcomes:', JSON.stringify(Object.fromEntries(outcomes)))
    // Both ends of the spectrum were exercised: real answers and refusals.
    expect(outcomes.get('answer') ?? 0).toBeGreaterThan(0)
    expect([...outcomes.keys()].length).toBeGreaterThan(1)
  }, 120_000)

  /*
   * Regression guard, fixed (electron/core/net/dns/resolver.ts, Resolver.query): concurrent callers of the same
   * question share one in-flight query, started with the FIRST caller's AbortSignal. When that
   * caller is cancelled (every check's signal is aborted when the check ends, in
   * checks/execute.ts), the shared query rejects with `aborted` for everyone. Seen in the hostile
   * audit: mail.mta-sts finishes (REFUSED) while its chaos.example MX query is in flight, and
   * mail.mx, waiting on the same query, ends as "query for chaos.example MX was cancelled".
   */
  it('a caller that is cancelled does not cancel the same question for another caller', async () => {
    plan = { udp: { kind: 'delayed', ms: 400 }, tcp: { kind: 'valid' } }
    const resolver = createResolver({ ...DEFAULT_PROFILE, resolvers: [`127.0.0.1:${port}`], timeouts: { ...DEFAULT_PROFILE.timeouts, dnsMs: 2000 } })
    const first = new AbortController()
    const a = resolver.lookup('shared.example', 'A', { signal: first.signal }).catch((e: unknown) => e)
    const b = resolver.lookup('shared.example', 'A')
    setTimeout(() => first.abort(), 50)
    expect(await a).toBeInstanceOf(DnsError)
    const r = await b
    expect(r.records.map((x) => x.data)).toEqual(['192.0.2.7'])
  })
})
