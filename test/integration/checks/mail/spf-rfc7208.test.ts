import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { Resolver } from '../../../../electron/core/net/dns/resolver'
import { DEFAULT_PROFILE } from '../../../../electron/core/net/profile'
import { checkHost, DEFAULT_EXPLANATION } from '../../../../electron/core/checks/mail/spf/check-host'
import { spfDns } from '../../../../electron/core/checks/mail/spf/dns'
import { startDnsServer, type DnsFault, type DnsRecord, type DnsServer } from '../../../../electron/lab/dns/server'
import { describeConformance } from '../../../helpers/conformance'

describeConformance('spf/rfc7208-tests.yml', 'conformance: spf/rfc7208-tests.yml', (file) => {
  interface SuiteTest { helo: string; host: string; mailfrom: string; result: string | string[]; explanation?: string; spec?: string }
  interface Suite { description: string; tests: Record<string, SuiteTest>; zonedata?: Record<string, unknown[]> }

  const suites = parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as Suite | null)
    .filter((s): s is Suite => !!s && !!s.tests)

  /**
   * zonedata → the lab DNS server's records and faults, following the suite's README: SPF copied
   * to TXT unless the name has TXT, a bare TIMEOUT times out every type not listed before it,
   * and `error.` names outside the zone time out.
   */
  function zone(zonedata: Record<string, unknown[]> = {}, text: string): { zones: string[]; records: DnsRecord[]; faults: DnsFault[] } {
    const records: DnsRecord[] = []
    const faults: DnsFault[] = []
    const zones = new Set<string>()
    for (const [name, list] of Object.entries(zonedata)) {
      zones.add(name.toLowerCase().split('.').pop() as string)
      const hasTxt = list.some((e) => typeof e === 'object' && e !== null && 'TXT' in e)
      const before: string[] = []
      for (const e of list) {
        if (e === 'TIMEOUT') {
          faults.push({ name, kind: 'timeout', exceptTypes: [...before] })
          break
        }
        const [type, value] = Object.entries(e as Record<string, unknown>)[0]
        if (type === 'TXT' && value === 'NONE') continue
        before.push(type === 'SPF' && !hasTxt ? 'TXT' : type)
        if (type === 'SPF') {
          if (!hasTxt) records.push({ name, type: 'TXT', data: value })
        } else records.push({ name, type, data: value })
      }
    }
    for (const m of text.matchAll(/\berror\.[a-z0-9.-]+[a-z]/gi)) if (!zonedata[m[0]]) faults.push({ name: m[0], kind: 'timeout' })
    return { zones: [...zones], records, faults }
  }

  const servers: DnsServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()))
  })

  let passed = 0
  let total = 0
  afterAll(() => {
    console.log(`RFC 7208 conformance: ${passed}/${total} tests passed`)
  })

  describe('RFC 7208 check_host() conformance (loopback DNS server → our resolver → check_host)', () => {
    for (const suite of suites) {
      describe(suite.description, () => {
        let server: DnsServer
        it.each(Object.entries(suite.tests))('%s', async (_name, t) => {
          server ??= await startDnsServer({ ...zone(suite.zonedata, JSON.stringify(suite)), recursive: true }).then((s) => (servers.push(s), s))
          total += 1
          const profile = { ...DEFAULT_PROFILE, resolvers: [`${server.host}:${server.port}`], timeouts: { ...DEFAULT_PROFILE.timeouts, dnsMs: 150 } }
          const dns = spfDns(new Resolver(profile))
          const mailfrom = t.mailfrom || `postmaster@${t.helo}`
          const domain = mailfrom.slice(mailfrom.lastIndexOf('@') + 1)
          const r = await checkHost({ ip: t.host, domain, sender: mailfrom, helo: t.helo, dns })
          const ok = Array.isArray(t.result) ? t.result : [t.result]
          expect(ok, `spec ${t.spec}: got ${r.result} (${r.error ?? ''})`).toContain(r.result)
          if (t.explanation && r.result === 'fail') expect(r.explanation).toBe(t.explanation === 'DEFAULT' ? DEFAULT_EXPLANATION : t.explanation)
          passed += 1
        })
      })
    }
  })
})
