import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDnsServer, type DnsServer } from '../../../electron/lab/dns/server'

const run = promisify(execFile)
let s: DnsServer

/** dig against the lab server; short timeouts so a fault test stays quick. */
async function dig(...args: string[]): Promise<string> {
  const r = await run('dig', ['@127.0.0.1', '-p', String(s.port), '+time=1', '+tries=1', ...args]).catch((e: { stdout: string }) => ({ stdout: e.stdout }))
  return r.stdout
}
const status = (out: string) => /status: (\w+)/.exec(out)?.[1]
const flags = (out: string) => /flags: ([a-z ]+);/.exec(out)?.[1].trim().split(' ') ?? []

beforeAll(async () => {
  s = await startDnsServer({
    zones: ['a.example'],
    records: [
      { name: 'a.example', type: 'SOA', data: 'ns1.a.example hostmaster.a.example 1 7200 3600 1209600 300' },
      { name: 'a.example', type: 'NS', data: 'ns1.a.example' },
      { name: 'ns1.a.example', type: 'A', data: '127.0.53.1' },
      { name: 'a.example', type: 'A', data: '127.0.0.10' },
      { name: 'a.example', type: 'MX', data: { preference: 10, exchange: 'mx.a.example' } },
      { name: 'www.a.example', type: 'CNAME', data: 'a.example' },
      { name: 'long.a.example', type: 'TXT', data: 'x'.repeat(700) },
      { name: 'multi.a.example', type: 'TXT', data: ['v=spf1 ip4:192.0.2.1', ' -all'] },
      { name: 'a.example', type: 'CAA', data: '0 issue "lab-ca.example"' },
      { name: 'sub.a.example', type: 'NS', data: 'ns.sub.a.example' },
      { name: 'ns.sub.a.example', type: 'A', data: '127.0.53.9' },
      { name: '*.w.a.example', type: 'A', data: '127.0.0.7' },
      { name: 'spf.a.example', type: 'SPF', data: 'v=spf1 -all' },
      { name: 'deep.empty.a.example', type: 'A', data: '127.0.0.8' },
    ],
    faults: [
      { name: 'slow.a.example', kind: 'timeout' },
      { name: 'bad.a.example', kind: 'garbage' },
      { name: 'fail.a.example', kind: 'servfail' },
      { name: 'no.a.example', kind: 'refused' },
      { name: 'cut.a.example', kind: 'truncate' },
      { name: 'late.a.example', type: 'TXT', kind: 'timeout' },
    ],
  })
})
afterAll(() => s.close())

describe('lab DNS server seen by dig', () => {
  it('answers authoritatively, case-insensitively, chasing CNAMEs', async () => {
    const out = await dig('WWW.A.Example', 'A')
    expect(status(out)).toBe('NOERROR')
    expect(flags(out)).toContain('aa')
    expect(out).toMatch(/CNAME\s+a\.example\./)
    expect(out).toMatch(/a\.example\.\s+300\s+IN\s+A\s+127\.0\.0\.10/)
  })

  it('tells NXDOMAIN from NODATA, both with the SOA', async () => {
    const nx = await dig('nope.a.example', 'A')
    expect(status(nx)).toBe('NXDOMAIN')
    expect(nx).toMatch(/AUTHORITY SECTION:\n.*SOA/)
    const nodata = await dig('a.example', 'AAAA')
    expect(status(nodata)).toBe('NOERROR')
    expect(nodata).toMatch(/ANSWER: 0/)
    expect(nodata).toMatch(/AUTHORITY SECTION:\n.*SOA/)
    expect(status(await dig('empty.a.example', 'A'))).toBe('NOERROR') // empty non-terminal
  })

  it('refuses names outside its zones', async () => {
    expect(status(await dig('other.example', 'A'))).toBe('REFUSED')
  })

  it('truncates long UDP answers and serves them over TCP', async () => {
    const udp = await dig('long.a.example', 'TXT', '+ignore', '+bufsize=4096')
    expect(flags(udp)).toContain('tc')
    const tcp = await dig('long.a.example', 'TXT', '+tcp')
    expect(flags(tcp)).not.toContain('tc')
    expect((tcp.match(/x/g) ?? []).length).toBeGreaterThanOrEqual(700)
    // dig retries over TCP by itself when it sees TC.
    const retried = await dig('long.a.example', 'TXT')
    expect(retried).toMatch(/Truncated, retrying in TCP mode/)
    expect(status(retried)).toBe('NOERROR')
  })

  it('serves multi-string TXT, SPF type 99, CAA, MX', async () => {
    expect(await dig('multi.a.example', 'TXT')).toMatch(/"v=spf1 ip4:192\.0\.2\.1" " -all"/)
    expect(await dig('spf.a.example', 'SPF')).toMatch(/SPF\s+"v=spf1 -all"/)
    expect(await dig('a.example', 'CAA')).toMatch(/CAA\s+0 issue "lab-ca\.example"/)
    expect(await dig('a.example', 'MX')).toMatch(/MX\s+10 mx\.a\.example\./)
  })

  it('answers delegations with a referral and glue, and wildcards', async () => {
    const ref = await dig('x.sub.a.example', 'A', '+norecurse')
    expect(flags(ref)).not.toContain('aa')
    expect(ref).toMatch(/AUTHORITY SECTION:\nsub\.a\.example\.\s+\d+\s+IN\s+NS\s+ns\.sub\.a\.example\./)
    expect(ref).toMatch(/ADDITIONAL SECTION:\nns\.sub\.a\.example\.\s+\d+\s+IN\s+A\s+127\.0\.53\.9/)
    expect(await dig('q.w.a.example', 'A')).toMatch(/q\.w\.a\.example\.\s+\d+\s+IN\s+A\s+127\.0\.0\.7/)
  })

  it('applies faults: timeout, garbage, SERVFAIL, REFUSED, truncation, per type', async () => {
    expect(await dig('slow.a.example', 'A')).toMatch(/timed out|no servers could be reached/)
    expect(status(await dig('fail.a.example', 'A'))).toBe('SERVFAIL')
    expect(status(await dig('no.a.example', 'A'))).toBe('REFUSED')
    expect(await dig('bad.a.example', 'A')).not.toMatch(/status: NOERROR/)
    expect(flags(await dig('cut.a.example', 'A', '+ignore'))).toContain('tc')
    expect(await dig('late.a.example', 'TXT')).toMatch(/timed out|no servers could be reached/)
    expect(status(await dig('late.a.example', 'A'))).toBe('NXDOMAIN')
  })

  it('swaps its data with setData', async () => {
    s.setData({ zones: ['b.example'], records: [{ name: 'b.example', type: 'A', data: '127.0.0.99' }] })
    expect(await dig('b.example', 'A')).toMatch(/127\.0\.0\.99/)
    expect(status(await dig('a.example', 'A'))).toBe('REFUSED')
  })
})

describe('lab DNS server under junk', () => {
  it('survives garbage on UDP and TCP and keeps answering', async () => {
    const dgram = await import('node:dgram')
    const net = await import('node:net')
    const u = dgram.createSocket('udp4')
    await new Promise<void>((r) => u.send(Buffer.from('not dns at all'), s.port, '127.0.0.1', () => r()))
    u.close()
    await new Promise<void>((resolve) => {
      const c = net.connect(s.port, '127.0.0.1', () => c.end(Buffer.from([0, 5, 1, 2, 3, 4, 5, 0, 40, 9])))
      c.on('close', () => resolve())
      c.on('error', () => resolve())
    })
    expect(await dig('b.example', 'A')).toMatch(/127\.0\.0\.99/)
  })
})
