import { apiEvidence } from '../../providers/outcome'
import { judgeFindings, type Finding } from '../findings'
import type { CheckModule, CheckOutcome } from '../types'
import { withZone } from './lib/zone'

export const TLS_SETTINGS = ['ssl', 'always_use_https', 'min_tls_version', 'automatic_https_rewrites'] as const
export type TlsSettings = Partial<Record<(typeof TLS_SETTINGS)[number], unknown>>

/** Full (strict), Always Use HTTPS, min TLS ≥ 1.2, automatic HTTPS rewrites; Flexible/Off fail. Every finding is named, worst first. */
export function judgeCfTls(s: TlsSettings): Pick<CheckOutcome, 'status' | 'summary'> {
  const ssl = String(s.ssl ?? 'unknown')
  const found: Finding[] = []
  if (ssl === 'off' || ssl === 'flexible') {
    found.push({ status: 'fail', text: `SSL mode is ${ssl === 'off' ? 'Off' : 'Flexible'}: traffic between Cloudflare and the origin is unencrypted; set Full (strict)` })
  } else if (ssl !== 'strict') found.push({ status: 'warn', text: ssl === 'full' ? 'SSL mode is Full, not Full (strict): the origin certificate is not validated' : `SSL mode is ${ssl}` })
  if (s.always_use_https !== 'on') found.push({ status: 'warn', text: 'Always Use HTTPS is off' })
  const min = Number(String(s.min_tls_version ?? '0'))
  if (!(min >= 1.2)) found.push({ status: 'warn', text: `minimum TLS version is ${String(s.min_tls_version ?? 'unknown')} (want 1.2 or higher)` })
  if (s.automatic_https_rewrites !== 'on') found.push({ status: 'warn', text: 'Automatic HTTPS Rewrites is off' })
  return judgeFindings(found, 'Full (strict) SSL, Always Use HTTPS, TLS 1.2+ and automatic HTTPS rewrites are on')
}

export const check: CheckModule = {
  meta: {
    id: 'cf.tls',
    title: 'Cloudflare SSL/TLS settings',
    area: 'cf',
    stage: 'security',
    why: 'With Flexible SSL, logins and payments travel unencrypted between Cloudflare and your server even though the browser shows a padlock.',
    fix: 'In Cloudflare → SSL/TLS: set the mode to Full (strict) (install a valid or Cloudflare Origin certificate on the server first), turn on Always Use HTTPS and Automatic HTTPS Rewrites, and set Minimum TLS Version to 1.2.',
    runbook: 'certificate-expiry',
    scope: 'domain',
    network: true,
  },
  run: (ctx) =>
    withZone(ctx, async ({ cf, cred, zone, evidence }) => {
      const s: TlsSettings = {}
      for (const id of TLS_SETTINGS) s[id] = await cf.setting(zone.id, id)
      return { ...judgeCfTls(s), details: { settings: s }, evidence: [...evidence, apiEvidence(`Cloudflare zone settings (${TLS_SETTINGS.join(', ')})`, s, cred)] }
    }),
}
