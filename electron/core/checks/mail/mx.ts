import net from 'node:net'
import { normName, recordDns } from '../dns/lib/evidence'
import type { CheckModule } from '../types'

/** mail.mx: MX present and resolvable, not a CNAME; or a null MX for no-mail domains. */
export const check: CheckModule = {
  meta: {
    id: 'mail.mx',
    title: 'Mail servers (MX)',
    area: 'mail',
    stage: 'security',
    why: 'If the MX records are missing or point nowhere, customer replies and password-reset bounces are lost.',
    fix: 'Publish the MX records your mail provider gives you (host names with A/AAAA records, never CNAMEs), or "0 ." (null MX) if the domain receives no mail.',
    byHand: { command: 'dig +short MX {domain}', expect: 'your mail provider\'s servers, as the DNS map in this document lists them' },
    runbook: 'email-not-delivered',
    scope: 'domain',
    network: true,
  },
  async run(ctx) {
    const { dns, evidence } = recordDns(ctx.services.dns)
    const o = { signal: ctx.signal }
    const mx = await dns.lookup(ctx.domain, 'MX', o)
    const list = mx.records.map((r) => r.data as { preference: number; exchange: string }).map((m) => ({ preference: m.preference, host: normName(m.exchange) }))
    const details: Record<string, unknown> = { rcode: mx.rcode, mx: list }
    const out = (status: 'pass' | 'warn' | 'fail', summary: string) => ({ status, summary, details, evidence: evidence() })
    if (mx.rcode === 'NXDOMAIN') return out('fail', `${ctx.domain} does not exist in DNS, so it cannot receive mail.`)
    if (list.length === 1 && (list[0].host === '' || list[0].host === '.')) return out('pass', `Null MX: ${ctx.domain} declares that it receives no mail (RFC 7505).`)
    if (!list.length) return out('warn', `No MX record: mail to ${ctx.domain} falls back to its A record, which is rarely a mail server.`)
    type Host = { preference: number; host: string; problem?: string; addresses?: string[]; cname?: string[] }
    const hosts = await Promise.all(
      list.map(async (m): Promise<Host> => {
        if (net.isIP(m.host)) return { ...m, problem: 'is an IP address, not a host name' }
        try {
          const [a, aaaa] = await Promise.all([dns.lookup(m.host, 'A', o), dns.lookup(m.host, 'AAAA', o)])
          const addrs = [...a.records, ...aaaa.records].map((r) => String(r.data))
          if (!addrs.length) return { ...m, problem: a.rcode === 'NXDOMAIN' ? 'does not exist' : 'has no address' }
          return { ...m, addresses: addrs, cname: a.cnames.length ? a.cnames : undefined }
        } catch (e) {
          return { ...m, problem: `could not be resolved (${(e as Error).message})` }
        }
      }),
    )
    details.hosts = hosts
    const bad = hosts.filter((h) => h.problem)
    if (bad.length === hosts.length) return out('fail', `No MX host resolves: ${bad.map((b) => `${b.host} ${b.problem}`).join('; ')}.`)
    if (bad.length) return out('fail', `MX ${bad.map((b) => `${b.host} ${b.problem}`).join('; ')}; senders that try it first will delay or bounce mail.`)
    const cnamed = hosts.filter((h) => h.cname)
    if (cnamed.length) return out('fail', `MX host ${cnamed.map((h) => h.host).join(', ')} is a CNAME, which RFC 5321 and RFC 2181 forbid; some senders will refuse to deliver.`)
    return out('pass', `${hosts.length} MX host${hosts.length === 1 ? '' : 's'} (${hosts.map((h) => h.host).join(', ')}), all resolvable.`)
  },
}
