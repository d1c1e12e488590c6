import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { loadScenario } from '../../electron/lab'

/** The domains of a generated portfolio: shop01.example … shopNN.example. */
export const portfolioDomains = (count: number) => Array.from({ length: count }, (_, i) => `shop${String(i + 1).padStart(2, '0')}.example`)

/**
 * A sandbox scenario serving `count` small sites at once (a consultancy's past clients): each
 * domain has a zone, an apex and a www host that redirects to it, mail records and an RDAP entry;
 * a fix `move-shopNN` moves that domain's apex A record (a scripted DNS change).
 * Writes it to DIR/portfolio.yaml and returns the path.
 */
export function writePortfolioScenario(dir: string, count: number): string {
  const domains = portfolioDomains(count)
  const dkim = loadScenario('healthy').dns.zones['tidy.example'].records.find((r) => r.name === 'google._domainkey')!.data
  const zones: Record<string, unknown> = {}
  const hosts: Record<string, unknown> = {}
  domains.forEach((d, i) => {
    const ip = `127.0.81.${i + 1}`
    zones[d] = {
      nameservers: [
        { name: 'ns1.portfolio-dns.example', ip: '127.0.53.21' },
        { name: 'ns2.portfolio-dns.example', ip: '127.0.53.22' },
      ],
      records: [
        { name: '@', type: 'A', data: ip },
        { name: 'www', type: 'CNAME', data: d },
        { name: '@', type: 'MX', data: `10 mx.${d}` },
        { name: 'mx', type: 'A', data: '127.0.25.31' },
        { name: '@', type: 'CAA', data: '0 issue "lab-ca.example"' },
        { name: '@', type: 'TXT', data: 'v=spf1 mx -all' },
        { name: '_dmarc', type: 'TXT', data: `v=DMARC1; p=reject; rua=mailto:dmarc@${d}` },
        { name: 'google._domainkey', type: 'TXT', data: dkim },
      ],
    }
    const secure = { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "frame-ancestors 'none'", 'Referrer-Policy': 'no-referrer' }
    hosts[d] = { headers: secure, http: { redirect: { status: 301, to: 'https://{host}{path}{query}' } }, routes: { '/': { body: `<!doctype html><title>${d}</title>`, cache: 'no-cache' }, '/health': { json: { status: 'ok' }, cache: 'no-store' } } }
    hosts[`www.${d}`] = { headers: secure, http: { redirect: { status: 301, to: 'https://{host}{path}{query}' } }, redirect: { status: 301, to: `https://${d}{path}{query}` } }
  })
  const fixes = Object.fromEntries(domains.map((d, i) => [`move-${d.split('.')[0]}`, { dns: { zones: { [d]: { records: [{ name: '@', type: 'A', data: `127.0.82.${i + 1}` }] } } } }]))
  const scenario = {
    fixes,
    name: 'portfolio',
    description: `${count} small sites a consultancy handed over`,
    domains,
    hosts: domains.flatMap((d) => [
      { name: d, role: 'apex' },
      { name: `www.${d}`, role: 'web' },
    ]),
    dns: { zones },
    web: { hosts },
    providers: {
      rdap: {
        domains: domains.map((d) => ({ name: d, registrar: { name: 'Lab Registrar, Inc.', ianaId: '9999' }, registeredDaysAgo: 800, expiresInDays: 400, status: ['client transfer prohibited'], nameservers: ['ns1.portfolio-dns.example', 'ns2.portfolio-dns.example'] })),
      },
    },
  }
  const file = join(dir, 'portfolio.yaml')
  writeFileSync(file, stringify(scenario))
  return file
}
