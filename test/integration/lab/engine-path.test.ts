import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLab, type Lab } from '../../../electron/lab'
import { Resolver, findZone, parentDelegation, queryAuthoritative } from '../../../electron/core/net/dns'

// The engine reaches the lab through its profile only: the same resolver code as real use.
let demo: Lab
let healthy: Lab
beforeAll(async () => {
  ;[demo, healthy] = await Promise.all([startLab('demo'), startLab('healthy')])
})
afterAll(async () => {
  await Promise.all([demo?.close(), healthy?.close()])
})

describe('the engine resolver through the lab profile', () => {
  it('finds zones, the parent delegation and each nameserver view (demo)', async () => {
    const r = new Resolver(demo.profile)
    expect(await findZone(r, 'www.acme-launch.example')).toBe('acme-launch.example')
    const del = await parentDelegation(r, 'acme-launch.example')
    expect(del.parentZone).toBe('example')
    expect(del.ns).toEqual(['ns1.dnshost.example', 'ns2.dnshost.example'])
    expect(del.ds).toEqual([])
    const views = await queryAuthoritative(r, 'app.acme-launch.example', 'A')
    const ips = Object.fromEntries(views.map((v) => [v.ns, v.response?.answers.map((a) => a.data)]))
    expect(ips).toEqual({ 'ns1.dnshost.example': ['127.0.80.3'], 'ns2.dnshost.example': ['127.0.80.99'] })
    expect(views.every((v) => v.response?.flags.aa)).toBe(true)
  })

  it('reads a long DKIM key over the TCP retry and a DS at the parent (healthy)', async () => {
    const r = new Resolver(healthy.profile)
    const dkim = await r.lookup('google._domainkey.tidy.example', 'TXT')
    expect(dkim.records).toHaveLength(1)
    const del = await parentDelegation(r, 'tidy.example')
    expect(del.ds).toHaveLength(1)
    const key = await r.lookup('tidy.example', 'DNSKEY')
    expect(key.records).toHaveLength(1)
  })
})
