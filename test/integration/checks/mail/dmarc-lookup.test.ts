import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startDnsServer, type DnsServer } from '../../../../electron/lab/dns/server'
import { Resolver } from '../../../../electron/core/net/dns/resolver'
import { DEFAULT_PROFILE } from '../../../../electron/core/net/profile'
import { lookupDmarc } from '../../../../electron/core/checks/mail/dmarc/lookup'
import { describeConformance } from '../../../helpers/conformance'

type Vectors = { dns_txt: Record<string, string[]>; dns_fail: string[]; cases: { from_domain: string; status: string; record_domain: string; error: string | null }[] }

/** mox's error names → our lookup status. */
const STATUS: Record<string, string> = { ErrNoRecord: 'none', ErrMultipleRecords: 'none', ErrSyntax: 'permerror', ErrDNS: 'temperror' }

describeConformance('email-auth/mox_vectors.json', 'DMARC lookup (mox vectors through the lab DNS server)', (file) => {
  const v = JSON.parse(readFileSync(file, 'utf8')).dmarc_lookup as Vectors

  let server: DnsServer
  beforeAll(async () => {
    server = await startDnsServer({
      zones: ['example', 'com'],
      recursive: true,
      records: Object.entries(v.dns_txt).flatMap(([name, txts]) => txts.map((data) => ({ name, type: 'TXT', data }))),
      faults: v.dns_fail.map((f) => ({ name: f.split(' ')[1], type: f.split(' ')[0].toUpperCase(), kind: 'servfail' as const })),
    })
  })
  afterAll(() => server.close())

  for (const c of v.cases) {
    it(`${c.from_domain} → ${c.error ?? 'record'} at ${c.record_domain}`, async () => {
      const dns = new Resolver({ ...DEFAULT_PROFILE, resolvers: [`${server.host}:${server.port}`], timeouts: { ...DEFAULT_PROFILE.timeouts, dnsMs: 200 } })
      const r = await lookupDmarc(dns, c.from_domain)
      expect(r.status).toBe(c.error ? STATUS[c.error] : 'found')
      expect(r.recordDomain).toBe(c.record_domain)
    })
  }
})
