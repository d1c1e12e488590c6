import { describe, expect, it } from 'vitest'
import { ZoneData } from '../../../../electron/lab/dns/authority'
import type { DnsRecord } from '../../../../electron/lab/dns/types'

const RECORDS: DnsRecord[] = [
  { name: 'z.example', type: 'SOA', data: 'ns1.z.example hostmaster.z.example 1 7200 3600 1209600 300' },
  { name: 'z.example', type: 'NS', data: 'ns1.z.example' },
  { name: 'ns1.z.example', type: 'A', data: '127.0.53.1' },
  { name: 'a.z.example', type: 'CNAME', data: 'b.z.example' },
  { name: 'b.z.example', type: 'CNAME', data: 'c.z.example' },
  { name: 'c.z.example', type: 'A', data: '127.0.0.3' },
  { name: 'gone.z.example', type: 'CNAME', data: 'missing.z.example' },
  { name: 'out.z.example', type: 'CNAME', data: 'service.elsewhere.example' },
  { name: 'loop1.z.example', type: 'CNAME', data: 'loop2.z.example' },
  { name: 'loop2.z.example', type: 'CNAME', data: 'loop1.z.example' },
  { name: 'child.z.example', type: 'NS', data: 'ns.child.z.example' },
  { name: 'child.z.example', type: 'DS', data: '1 13 2 AABB' },
  { name: 'ns.child.z.example', type: 'A', data: '127.0.53.9' },
  { name: '*.w.z.example', type: 'TXT', data: 'wild' },
  { name: 'x.w.z.example', type: 'A', data: '127.0.0.9' },
]

describe('ZoneData', () => {
  const z = new ZoneData(['z.example'], RECORDS)
  const types = (rs: { type: string }[]) => rs.map((r) => r.type)

  it('chases CNAME chains and reports the final rcode', () => {
    const r = z.answer('A.Z.example', 'A')
    expect(types(r.answers)).toEqual(['CNAME', 'CNAME', 'A'])
    expect(r.aa).toBe(true)
    expect(z.answer('gone.z.example', 'A').rcode).toBe('NXDOMAIN')
    const out = z.answer('out.z.example', 'A')
    expect([out.rcode, types(out.answers)]).toEqual(['NOERROR', ['CNAME']])
    expect(z.answer('loop1.z.example', 'A').answers.length).toBeLessThanOrEqual(8)
    expect(types(z.answer('a.z.example', 'CNAME').answers)).toEqual(['CNAME'])
  })

  it('tells NXDOMAIN from NODATA and refuses foreign names', () => {
    expect(z.answer('nope.z.example', 'A')).toMatchObject({ rcode: 'NXDOMAIN', authorities: [{ type: 'SOA' }] })
    expect(z.answer('c.z.example', 'MX')).toMatchObject({ rcode: 'NOERROR', answers: [], authorities: [{ type: 'SOA' }] })
    expect(z.answer('other.example', 'A')).toMatchObject({ rcode: 'REFUSED', aa: false })
    expect(new ZoneData(['z.example'], RECORDS, true).answer('other.example', 'A').rcode).toBe('NXDOMAIN')
  })

  it('refers delegated names with glue, but answers DS at the cut itself', () => {
    const ref = z.answer('www.child.z.example', 'A')
    expect(ref.aa).toBe(false)
    expect(types(ref.authorities)).toEqual(['NS'])
    expect(ref.additionals.map((r) => r.data)).toEqual(['127.0.53.9'])
    const ds = z.answer('child.z.example', 'DS')
    expect([ds.aa, types(ds.answers)]).toEqual([true, ['DS']])
  })

  it('synthesises wildcards only where no name exists', () => {
    const w = z.answer('q.w.z.example', 'TXT')
    expect(w.answers[0]).toMatchObject({ name: 'q.w.z.example', type: 'TXT' })
    expect(z.answer('x.w.z.example', 'TXT')).toMatchObject({ rcode: 'NOERROR', answers: [] })
    expect(z.answer('deep.q.w.z.example', 'TXT').answers).toHaveLength(1)
  })
})
