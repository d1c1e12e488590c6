import { describe, expect, it } from 'vitest'
import { ZoneData } from '../../../../electron/lab/dns/authority'
import { planDns } from '../../../../electron/lab/dns/topology'
import { dnsSchema } from '../../../../electron/lab/scenario/dns-schema'

const dns = dnsSchema.parse({
  zones: {
    'corp.example': {
      nameservers: [{ name: 'ns1.corp.example', ip: '127.0.53.81' }],
      records: [{ name: '@', type: 'A', data: '127.0.80.81' }],
    },
    'eu.corp.example': {
      nameservers: [
        { name: 'ns1.eu.corp.example', ip: '127.0.53.82' },
        { name: 'ns2.other.example', ip: '127.0.53.83', records: [{ name: 'www', type: 'A', delete: true }] },
      ],
      dnssec: 'signed',
      records: [{ name: 'www', type: 'A', data: '127.0.80.82' }],
    },
  },
})

describe('planDns', () => {
  const plan = planDns(dns, 7)
  const server = (ip: string) => plan.servers.find((s) => s.ip === ip)!
  const zd = (ip: string) => new ZoneData(server(ip).data.zones, server(ip).data.records)

  it('puts a child delegation inside a parent scenario zone (referral, glue, DS)', () => {
    const parent = zd('127.0.53.81')
    const ref = parent.answer('www.eu.corp.example', 'A')
    expect(ref.aa).toBe(false)
    expect(ref.authorities.map((r) => r.data).sort()).toEqual(['ns1.eu.corp.example', 'ns2.other.example'])
    expect(ref.additionals.map((r) => r.data)).toEqual(['127.0.53.82'])
    expect(parent.answer('eu.corp.example', 'DS').answers).toHaveLength(1)
  })

  it('gives each nameserver its own view; the TLD server knows out-of-zone nameservers', () => {
    expect(zd('127.0.53.82').answer('www.eu.corp.example', 'A').answers).toHaveLength(1)
    expect(zd('127.0.53.83').answer('www.eu.corp.example', 'A').rcode).toBe('NXDOMAIN')
    const tld = plan.servers.find((s) => s.role === 'tld')!
    expect(tld.data.zones).toEqual(['example'])
    const t = new ZoneData(tld.data.zones, tld.data.records)
    expect(t.answer('ns2.other.example', 'A').answers.map((r) => r.data)).toEqual(['127.0.53.83'])
    expect(t.answer('corp.example', 'NS').authorities.map((r) => r.data)).toEqual(['ns1.corp.example'])
    expect(server('127.0.53.81').data.latencyMs).toBe(7)
  })

  it('builds a resolver view with one answer per name and the DS from the parent', () => {
    const r = new ZoneData(plan.resolver.zones, plan.resolver.records, true)
    expect(r.answer('eu.corp.example', 'NS').answers).toHaveLength(2)
    expect(r.answer('eu.corp.example', 'DS').answers).toHaveLength(1)
    expect(r.answer('eu.corp.example', 'DNSKEY').answers).toHaveLength(1)
    expect(r.answer('corp.example', 'DS').answers).toHaveLength(0)
    expect(r.answer('www.eu.corp.example', 'A').answers.map((x) => x.data)).toEqual(['127.0.80.82'])
  })
})
