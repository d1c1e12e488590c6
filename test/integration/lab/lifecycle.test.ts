import { afterAll, describe, expect, it } from 'vitest'
import { startLab, type Lab } from '../../../electron/lab'
import { BUNDLED_SCENARIOS } from '../../../electron/lab/scenario/load'
import { curl, dig, status, tool } from './tools'

const counted = ['TCPServerWrap', 'UDPWrap', 'TCPSocketWrap', 'Timeout', 'TLSWrap']
/** Sockets, servers and timers this process holds, by kind. */
function handles(): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of process.getActiveResourcesInfo()) if (counted.includes(r)) out[r] = (out[r] ?? 0) + 1
  return out
}

const open: Lab[] = []
afterAll(async () => {
  await Promise.all(open.map((l) => l.close()))
})

describe('lab lifecycle', () => {
  it('starts every bundled scenario at once without port collisions, and closes without leaks', async () => {
    const before = handles()
    const labs = await Promise.all([...BUNDLED_SCENARIOS, 'healthy'].map((n) => startLab(n)))
    open.push(...labs)
    const ports = labs.flatMap((l) => [
      Number(l.endpoints.resolver.split(':')[1]),
      ...l.endpoints.nameservers.map((n) => n.port),
      ...Object.values(l.endpoints.web).flatMap((w) => [w.http ?? 0, w.https ?? 0].filter(Boolean)),
    ])
    expect(new Set(ports).size).toBe(ports.length)
    // Two copies of one scenario answer independently.
    expect(status(await dig(labs[1].endpoints.resolver, 'tidy.example', 'A'))).toBe('NOERROR')
    expect(status(await dig(labs[3].endpoints.resolver, 'tidy.example', 'A'))).toBe('NOERROR')
    expect(labs[1].endpoints.resolver).not.toBe(labs[3].endpoints.resolver)
    // Leave a hanging request and a keep-alive connection open, then close everything.
    const ca = labs[2].endpoints.caPem
    expect(ca).toMatch(/BEGIN CERTIFICATE/)
    const hang = tool('curl', ['-sk', '--max-time', '5', ...labs[2].endpoints.connectTo.flatMap((c) => ['--connect-to', c]), 'https://app.chaos.example/api/health'])
    await new Promise((r) => setTimeout(r, 200))
    await Promise.all(labs.map((l) => l.close()))
    expect((await hang).code).not.toBe(28) // the lab cut it, curl did not have to time out
    // Closed handles leave the list on the next turn of the event loop.
    await new Promise((r) => setTimeout(r, 50))
    const after = handles()
    expect((after.Timeout ?? 0) <= (before.Timeout ?? 0)).toBe(true)
    expect({ ...after, Timeout: 0 }).toEqual({ ...before, Timeout: 0 })
  })

  it('applies the latency option to DNS and HTTP', async () => {
    const lab = await startLab('healthy', { latencyMs: 40 })
    open.push(lab)
    const out = await dig(lab.endpoints.resolver, 'tidy.example', 'A')
    expect(Number(/Query time: (\d+) msec/.exec(out)?.[1])).toBeGreaterThanOrEqual(40)
    const r = await curl(lab, '/dev/null', '-k', '-o', '/dev/null', '-w', '%{time_starttransfer}', 'https://api.tidy.example/api/health')
    expect(Number(r.stdout)).toBeGreaterThanOrEqual(0.04)
    await lab.close()
  })

  it('charges the latency for connection setup too: TCP and TLS on a new connection, nothing on a reused one', async () => {
    const lab = await startLab('healthy', { latencyMs: 40 })
    open.push(lab)
    // Two requests in one curl: the second reuses the first's connection.
    const url = 'https://api.tidy.example/api/health'
    const w = '%{num_connects} %{time_appconnect} %{time_starttransfer}\n'
    const r = await curl(lab, '/dev/null', '-k', '-o', '/dev/null', '-o', '/dev/null', '-w', w, url, url)
    const [first, second] = r.stdout.trim().split('\n').map((l) => l.split(' ').map(Number))
    // New connection: TCP (one round trip) and a TLS 1.3 handshake (one more) before the request's own.
    expect(first[0]).toBe(1)
    expect(first[1]).toBeGreaterThanOrEqual(0.08)
    expect(first[2]).toBeGreaterThanOrEqual(0.12)
    expect(second[0]).toBe(0)
    expect(second[2]).toBeGreaterThanOrEqual(0.04)
    // Plain HTTP: one round trip for TCP, one for the request.
    const plain = await curl(lab, '/dev/null', '-o', '/dev/null', '-w', '%{time_starttransfer}', 'http://api.tidy.example/')
    expect(Number(plain.stdout)).toBeGreaterThanOrEqual(0.08)
    await lab.close()
  })
})
