import { SYSTEM_TITLES, type InventoryEntry } from '@shared/contract/handover'
import type { Exposure } from '@shared/contract/exposures'
import type { Engagement } from '@shared/schemas/engagement'
import type { DnsName } from './dns-map'
import type { MailView } from './mail'
import type { CertView, DeployView, DomainView, MonitoringView } from './operations'

/** One line of the operating guide: a bold label, the text, an optional link and tone. */
export interface GuideLine {
  label: string
  text: string
  link?: string
  tone?: 'fail' | 'warn'
}

/** The operating guide, every line drawn from a recorded fact (never generic advice a check contradicts). */
export interface GuideFacts {
  watch: GuideLine[]
  rotate: GuideLine[]
  where: GuideLine[]
  call: GuideLine[]
  review: GuideLine[]
  breaks: GuideLine[]
}

export interface GuideInput {
  engagement: Engagement
  signer: { name: string; email: string }
  domain: DomainView | null
  certificates: CertView[]
  monitoring: MonitoringView
  mail: MailView
  deploy: DeployView | null
  exposures: Exposure[]
  inventory: InventoryEntry[]
  dns: DnsName[]
}

const day = (iso: string) => iso.slice(0, 10)
const days = (n: number | null) => (n === null ? '' : n < 0 ? `expired ${-n} days ago` : `${n} day${n === 1 ? '' : 's'} left`)
/** The common name of an issuer ("CN=Lab CA, O=Lab" → "Lab CA"), else the whole string. */
const cn = (issuer: string) => /(?:^|,\s*)CN=([^,]+)/.exec(issuer)?.[1]?.trim() ?? issuer.split(',')[0].trim()
const emailOf = (s: string) => /[^\s()<>]+@[^\s()<>]+/.exec(s)?.[0]?.toLowerCase() ?? ''
const siteOf = (email: string) => email.split('@')[1] ?? ''

function watch(i: GuideInput): GuideLine[] {
  const out: GuideLine[] = []
  const d = i.domain
  if (d) {
    const lock = d.transferLocked === false ? '; transfer lock OFF: turn it on at the registrar' : d.transferLocked ? '; transfer-locked' : ''
    const tone = d.transferLocked === false || (d.daysLeft ?? 999) < 60 ? 'fail' : undefined
    out.push({ label: `Domain ${d.name}`, text: d.expiresAt ? `registered${d.registrar ? ` at ${d.registrar}` : ''} until ${day(d.expiresAt)} (${days(d.daysLeft)}); check auto-renew at the registrar${lock}.` : d.summary, tone })
  }
  // Certificates that are fine and expire the same day from the same issuer read as one line.
  const groups = new Map<string, CertView[]>()
  for (const c of i.certificates) {
    const key = c.status === 'pass' && c.validTo ? `${day(c.validTo)}|${cn(c.issuer)}` : `!${c.host}`
    groups.set(key, [...(groups.get(key) ?? []), c])
  }
  for (const list of groups.values()) {
    const c = list[0]
    const tone = c.status === 'fail' || c.status === 'error' ? 'fail' : c.status === 'warn' ? 'warn' : undefined
    const label = `Certificate${list.length > 1 ? 's' : ''} ${list.map((x) => x.host).join(', ')}`
    out.push({ label, text: c.validTo ? `valid until ${day(c.validTo)} (${days(c.daysLeft)})${c.issuer ? `, issued by ${cn(c.issuer)}` : ''}${tone ? `: ${c.summary}` : '.'}` : c.summary, tone })
  }
  const m = i.monitoring
  if (m.provider) {
    const names = m.monitors.map((x) => `${x.name} (${x.url})`).join(', ')
    const gaps = m.unmonitored.length ? ` Not watched: ${m.unmonitored.join(', ')}.` : ''
    out.push({ label: `Uptime (${m.provider})`, text: `${names || 'no monitors'}; alerts go to ${m.contacts.join(', ') || 'nobody'}.${gaps}`, tone: m.status === 'fail' ? 'fail' : m.status === 'warn' ? 'warn' : undefined })
  } else out.push({ label: 'Uptime', text: 'no monitoring was checked: nobody is alerted when the site goes down. Set up monitors for the homepage, login and API health.', tone: 'fail' })
  const slow = m.routes.filter((r) => r.verdict !== 'within target')
  if (m.targets && m.routes.length) out.push({ label: 'Speed', text: slow.length ? `${slow.map((r) => `${r.url.replace(/^https:\/\//, '')} p95 ${r.p95 ?? '?'} ms`).join('; ')} (target ${m.targets.pass} ms).` : `every key route within ${m.targets.pass} ms (p95).`, tone: slow.some((r) => r.verdict !== 'above target') ? 'fail' : slow.length ? 'warn' : undefined })
  return out
}

function mailLine(i: GuideInput): GuideLine {
  const m = i.mail
  const printed = (type: string, name?: string) => i.dns.some((n) => (!name || n.name === name) && n.records.some((r) => r.type === type))
  const parts: string[] = []
  if (m.mx.length && printed('MX')) parts.push(`the MX records of ${i.engagement.domain}`)
  if (m.spf && printed('TXT', i.engagement.domain)) parts.push('the SPF TXT record at the apex')
  if (m.dmarc && printed('TXT', `_dmarc.${i.engagement.domain}`)) parts.push(`the DMARC record (p=${m.dmarc.policy})`)
  const dkim = m.dkim.length ? ` DKIM keys were found under ${m.dkim.map((k) => `${k.selector}._domainkey`).join(', ')}.` : ''
  if (!parts.length) return { label: 'Email not arriving', text: `no mail records were recorded for ${i.engagement.domain}: run the mail checks, then follow the runbook "Email is going to spam or not arriving".` }
  return { label: 'Email not arriving', text: `compare ${parts.join(', ')} with the DNS map in this document, then follow the runbook "Email is going to spam or not arriving".${dkim}` }
}

function breaks(i: GuideInput, hosting: string): GuideLine[] {
  const d = i.deploy
  const site: GuideLine = !d
    ? { label: 'Site down', text: `check ${hosting || 'the hosting dashboard'} for a failed deploy; no deployment history was recorded, so first find out whether a previous release can be redeployed (runbook "A deploy broke production").` }
    : d.rollbackTarget
      ? { label: 'Site down', text: `if a deploy broke it, roll back in ${d.provider || hosting} to deployment ${d.rollbackTarget}, the previous good production deployment (runbook "A deploy broke production").` }
      : { label: 'Site down', text: `there is NO previous production deployment to roll back to (${d.provider || hosting} has only ${d.current || 'the current one'}): redeploy the last good commit${d.productionBranch ? ` of ${d.productionBranch}` : ''} and fix forward, and keep a second good deployment from now on.`, tone: 'fail' }
  const out = [site, mailLine(i)]
  const reg = i.domain
  if (reg?.expiresAt) {
    const owner = i.inventory.find((x) => x.system === 'registrar' && x.ownerAccount)?.ownerAccount
    out.push({ label: 'Domain about to expire', text: `renew ${reg.name} at ${reg.registrar || 'the registrar'}${owner ? ` (owner: ${owner})` : ''} before ${day(reg.expiresAt)}; runbook "The domain expired or is about to".` })
  }
  const soonest = i.certificates.find((c) => c.validTo)
  if (soonest) out.push({ label: 'Certificate warning', text: `the first certificate to expire is ${soonest.host} on ${day(soonest.validTo)}; renew where it is issued (runbook "A certificate expired or is about to").` })
  out.push({ label: 'A key leaked', text: `rotate it at its provider first, then update the ${hosting || 'hosting'} environment variables and redeploy (runbook "A key or secret leaked").` })
  return out
}

function people(i: GuideInput): { call: GuideLine[]; review: GuideLine[] } {
  const e = i.engagement
  const call: GuideLine[] = [
    { label: 'Founder', text: [e.founderName, e.founderEmail].filter(Boolean).join(', ') || 'not recorded' },
    { label: 'Consultant (this handover)', text: [i.signer.name, i.signer.email].filter(Boolean).join(', ') || 'not recorded' },
  ]
  const owners = new Map<string, string[]>()
  for (const row of i.inventory) {
    if (!row.ownerAccount) continue
    const what = row.system === 'custom' ? row.name || 'Other' : SYSTEM_TITLES[row.system]
    owners.set(row.ownerAccount, [...(owners.get(row.ownerAccount) ?? []), what])
  }
  for (const [who, systems] of owners) call.push({ label: who, text: `owner of ${systems.join(', ')}` })
  const known = new Set([siteOf(emailOf(e.founderEmail)), e.domain, siteOf(emailOf(i.signer.email))].filter(Boolean))
  const review: GuideLine[] = []
  for (const row of i.inventory) {
    for (const a of row.admins) {
      const email = emailOf(a)
      if (email && !known.has(siteOf(email))) review.push({ label: email, text: `has access to ${SYSTEM_TITLES[row.system]}${row.name ? ` (${row.name})` : ''} as ${a.replace(/^[^(]*\(?/, '').replace(/\)$/, '') || 'a member'} but belongs to neither ${e.domain} nor the consultant: remove it if it is no longer needed.`, tone: 'warn' })
    }
  }
  return { call, review }
}

/** The operating guide's lines from the recorded facts. */
export function guideFacts(i: GuideInput): GuideFacts {
  const hosting = i.inventory.find((x) => x.system === 'hosting' && x.name)?.name ?? ''
  const rotate = i.exposures
    .filter((x) => !x.rotation)
    .map((x): GuideLine => ({ label: x.name, text: `${x.where}${x.stillExposed ? ', and still is' : ' (since removed, but the value is known)'}; first seen ${day(x.firstSeen)}. Rotate it at ${x.provider}.`, tone: 'fail' }))
  const where = i.inventory
    .filter((x) => x.loginUrl)
    .map((x): GuideLine => ({ label: `${SYSTEM_TITLES[x.system]}${x.name ? ` (${x.name})` : ''}`, text: x.loginUrl, link: x.loginUrl }))
  return { watch: watch(i), rotate, where, ...people(i), breaks: breaks(i, hosting) }
}
