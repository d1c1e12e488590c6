import dgram from 'node:dgram'
import http from 'node:http'
import * as dnsPacket from 'dns-packet'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDnsServer, type DnsServer } from '../../../../electron/lab/dns/server'
import { Resolver } from '../../../../electron/core/net/dns/resolver'
import { DnsError } from '../../../../electron/core/net/dns/errors'
import { DEFAULT_PROFILE, type NetworkProfile } from '../../../../electron/core/net/profile'

let server: DnsServer
const profile = (over: Partial<NetworkProfile> = {}): NetworkProfile => ({ ...DEFAULT_PROFILE, resolvers: [`${server.host}:${server.port}`], timeouts: { ...DEFAULT_PROFILE.timeouts, dnsMs: 150 }, ...over })

beforeAll(async () => {
  server = await startDnsServer({
    zones: ['example.test'],
    recursive: true,
    records: [
      { name: 'example.test', type: 'SOA', data: 'ns1.example.test. admin.example.test. 1 3600 600 86400 300' },
      { name: 'www.example.test', type: 'A', ttl: 120, data: '192.0.2.1' },
      { name: 'alias.example.test', type: 'CNAME', data: 'www.example.test' },
      { name: 'old.example.test', type: 'A', data: '192.0.2.9' },
      // Enough TXT data to overflow 512 bytes over UDP: the answer comes with TC=1.
      ...Array.from({ length: 12 }, (_, i) => ({ name: 'big.example.test', type: 'TXT', data: `record-${i}-${'x'.repeat(60)}` })),
    ],
    faults: [
      { name: 'slow.example.test', kind: 'timeout' },
      { name: 'broken.example.test', kind: 'servfail' },
      { name: 'nope.example.test', kind: 'refused' },
      { name: 'junk.example.test', kind: 'garbage' },
      { name: 'old.example.test', kind: 'no-edns' },
    ],
  })
})
afterAll(async () => {
  await server.close()
})

describe('Resolver', () => {
  it('asks a server that predates EDNS again without it, and says so in the answer', async () => {
    const r = await new Resolver(profile()).lookup('old.example.test', 'A')
    expect(r.records.map((x) => x.data)).toEqual(['192.0.2.9'])
    expect(r.response.ednsFallback).toBe(true)
    // ordinary servers are asked once, with EDNS
    expect((await new Resolver(profile()).query('www.example.test', 'A')).ednsFallback).toBeUndefined()
    // a DNSSEC question needs the OPT record's DO bit: no plain retry, the format error stands
    await expect(new Resolver(profile()).query('old.example.test', 'DNSKEY', { dnssec: true })).rejects.toMatchObject({ kind: 'formerr' })
  })

  it('answers with records, TTLs, flags, server and timing', async () => {
    const r = await new Resolver(profile()).query('WWW.example.test.', 'A')
    expect(r).toMatchObject({ server: `127.0.0.1:${server.port}`, transport: 'udp', question: { name: 'www.example.test', type: 'A' }, rcode: 'NOERROR', answers: [{ name: 'www.example.test', type: 'A', ttl: 120, data: '192.0.2.1' }] })
    expect(r.flags.ra).toBe(true)
    expect(r.ms).toBeGreaterThanOrEqual(0)
  })

  it('follows the CNAME chain in lookup() and reports NXDOMAIN as an answer', async () => {
    const res = new Resolver(profile())
    const a = await res.lookup('alias.example.test', 'A')
    expect(a.cnames).toEqual(['www.example.test'])
    expect(a.records.map((x) => x.data)).toEqual(['192.0.2.1'])
    expect((await res.lookup('missing.example.test', 'A')).rcode).toBe('NXDOMAIN')
  })

  it('retries over TCP when the UDP answer is truncated', async () => {
    const r = await new Resolver(profile()).query('big.example.test', 'TXT')
    expect(r.transport).toBe('tcp')
    expect(r.answers).toHaveLength(12)
  })

  it.each([
    ['slow.example.test', 'timeout', /did not answer .* within 150 ms/],
    ['broken.example.test', 'servfail', /SERVFAIL/],
    ['nope.example.test', 'refused', /REFUSED/],
    ['junk.example.test', 'garbage', /unreadable answer/],
  ])('%s → DnsError %s with a clear message', async (name, kind, msg) => {
    const err = await new Resolver(profile()).query(name, 'A').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DnsError)
    expect((err as DnsError).kind).toBe(kind)
    expect((err as DnsError).message).toMatch(msg)
  })

  it('falls through to the next resolver when the first never answers', async () => {
    const r = await new Resolver(profile({ resolvers: ['127.0.0.1:9', `${server.host}:${server.port}`] })).query('www.example.test', 'A')
    expect(r.rcode).toBe('NOERROR')
  })

  it('records every exchange through a recording view, sharing the cache', async () => {
    const base = new Resolver(profile())
    const seen: string[] = []
    const rec = base.recording((r) => seen.push(`${r.question.name} ${r.question.type}`))
    await rec.query('www.example.test', 'A')
    await rec.query('www.example.test', 'A')
    expect(seen).toEqual(['www.example.test A', 'www.example.test A'])
  })

  it('reports failed questions to the recording sink too', async () => {
    const failed: string[] = []
    const sink = Object.assign(() => undefined, { failed: (f: { question: { name: string }; kind: string }) => failed.push(`${f.question.name} ${f.kind}`) })
    await new Resolver(profile()).recording(sink).query('broken.example.test', 'A').catch(() => undefined)
    expect(failed).toEqual(['broken.example.test servfail'])
  })

  it('cancellation ends a pending query as aborted', async () => {
    const ac = new AbortController()
    const p = new Resolver(profile({ timeouts: { ...DEFAULT_PROFILE.timeouts, dnsMs: 5000 } })).query('slow.example.test', 'A', { signal: ac.signal })
    ac.abort()
    expect(((await p.catch((e) => e)) as DnsError).kind).toBe('aborted')
  })
})

describe('Resolver id and question matching', () => {
  let sock: dgram.Socket
  let port = 0
  beforeAll(async () => {
    sock = dgram.createSocket('udp4')
    // A spoofer first: wrong id, then a different question, then the real answer.
    sock.on('message', (msg, rinfo) => {
      const q = dnsPacket.decode(msg)
      const send = (p: dnsPacket.Packet) => sock.send(dnsPacket.encode(p), rinfo.port, rinfo.address)
      send({ type: 'response', id: ((q.id ?? 0) + 1) & 0xffff, questions: q.questions, answers: [{ type: 'A', name: 'www.example.test', data: '203.0.113.66' }] })
      send({ type: 'response', id: q.id, questions: [{ type: 'A', name: 'other.test' }], answers: [{ type: 'A', name: 'other.test', data: '203.0.113.67' }] })
      send({ type: 'response', id: q.id, questions: q.questions, answers: [{ type: 'A', name: 'www.example.test', ttl: 5, data: '192.0.2.7' }] })
    })
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()))
    port = sock.address().port
  })
  afterAll(() => new Promise<void>((r) => sock.close(() => r())))

  it('ignores answers with the wrong id or question and takes the matching one', async () => {
    const r = await new Resolver({ ...DEFAULT_PROFILE, resolvers: [`127.0.0.1:${port}`] }).query('www.example.test', 'A')
    expect(r.answers.map((a) => a.data)).toEqual(['192.0.2.7'])
  })
})

describe('DNS over HTTPS (RFC 8484 wire format, POST)', () => {
  let web: http.Server
  let url = ''
  beforeAll(async () => {
    web = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c) => chunks.push(c))
      req.on('end', () => {
        if (req.headers['content-type'] !== 'application/dns-message') return res.writeHead(415).end()
        const q = dnsPacket.decode(Buffer.concat(chunks))
        res.writeHead(200, { 'content-type': 'application/dns-message' })
        res.end(dnsPacket.encode({ type: 'response', id: q.id, flags: dnsPacket.RECURSION_AVAILABLE, questions: q.questions, answers: [{ type: 'A', name: q.questions?.[0].name ?? '', ttl: 60, data: '192.0.2.53' }] }))
      })
    })
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()))
    url = `http://127.0.0.1:${(web.address() as { port: number }).port}/dns-query`
  })
  afterAll(() => new Promise<void>((r) => web.close(() => r())))

  it('sends the query to the DoH endpoint when the profile names one', async () => {
    const r = await new Resolver({ ...DEFAULT_PROFILE, doh: url }).query('doh.example.test', 'A')
    expect(r).toMatchObject({ transport: 'doh', server: url, answers: [{ data: '192.0.2.53' }] })
  })
})
