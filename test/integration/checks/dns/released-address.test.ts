import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../../../electron/lab'
import { zoneSchema } from '../../../../electron/lab/scenario/dns-schema'
import { auditWith, healthyWith } from '../engine/variants'

/**
 * dns.dangling and A records at released cloud addresses: old.tidy.example points at an address
 * whose reverse DNS names an AWS EC2 pool and where nothing answers any more; app.tidy.example's
 * address is in the same pool but still serves it.
 */
function scenario(): Scenario {
  const s = healthyWith(() => undefined, [{ name: 'old', type: 'A', data: '127.0.80.77' }])
  s.dns.zones['80.0.127.in-addr.arpa'] = zoneSchema.parse({
    nameservers: [{ name: 'ns1.reverse.example', ip: '127.0.53.91' }],
    records: [
      { name: '77', type: 'PTR', data: 'ec2-3-91-12-7.compute-1.amazonaws.com' },
      { name: '12', type: 'PTR', data: 'ec2-3-91-12-8.compute-1.amazonaws.com' },
    ],
  })
  return s
}

describe('dns.dangling: A records at released cloud addresses', () => {
  it('an address from a cloud pool that answers nothing for the name warns, naming the pool, the reverse DNS and what happened', async () => {
    // the engagement lets checks reach the address (in the sandbox it is on loopback)
    const r = (await auditWith(scenario(), ['dns.dangling'], { privateTargets: ['127.0.80.77'] }))['dns.dangling']
    expect(r.status, r.summary).toBe('warn')
    expect(r.summary).toMatch(/^Possibly released cloud address: old\.tidy\.example → 127\.0\.80\.77 \(AWS EC2, by its reverse DNS ec2-3-91-12-7\.compute-1\.amazonaws\.com\) answers nothing on HTTPS \(.*ECONNREFUSED.*\); whoever is given the address next serves the name\.$/)
    // app.tidy.example is in the same pool, and still served with its own certificate: not listed
    expect(r.details.releasedAddresses).toEqual([expect.objectContaining({ host: 'old.tidy.example', pool: 'AWS EC2' })])
    expect(r.details.addressesLooked).toBeGreaterThanOrEqual(3)
  })

  it('an address the egress policy will not reach is not judged: nothing is said of it', async () => {
    const r = (await auditWith(scenario(), ['dns.dangling']))['dns.dangling']
    expect(r.status, r.summary).toBe('pass')
    expect(r.details.releasedAddresses).toEqual([])
  })

  it('the healthy zone has no reverse DNS in a cloud pool: it passes as before', async () => {
    const r = (await auditWith(healthyWith(() => undefined), ['dns.dangling']))['dns.dangling']
    expect(r.status, r.summary).toBe('pass')
  })
})
