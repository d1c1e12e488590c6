import type { DriftReport } from '../handover/drift'
import { hostLabel } from '../handover/drift/words'
import { latestResults } from '../handover/results'
import type { Workspace } from '../workspace'

/** Days before expiry at which a certificate alerts, whatever the baseline said. */
export const CERT_ALERT_DAYS = 30
/** Days before expiry at which the domain registration alerts. */
export const DOMAIN_ALERT_DAYS = 60

/** Something a founder should hear about, keyed so the same thing is recognised run after run. */
export interface Alert {
  key: string
  domain: string
  kind: 'regression' | 'cert-expiry' | 'domain-expiry'
  headline: string
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`

/**
 * The alerts one drift run raises: every regression, plus certificates within 30 days of expiry
 * and a registration within 60, from the results the run just recorded (baseline or not). An
 * expiry already reported as a regression of the same check is not said twice.
 */
export function alertsFor(ws: Workspace, report: DriftReport, now = new Date()): Alert[] {
  const d = report.domain
  const out: Alert[] = report.findings.filter((f) => f.verdict === 'regression').map((f) => ({ key: `regression|${d}|${f.checkId}|${f.target}`, domain: d, kind: 'regression' as const, headline: f.headline }))
  const regressed = new Set(report.findings.filter((f) => f.verdict === 'regression').map((f) => `${f.checkId}|${f.target}`))
  const engagement = ws.engagements.list().find((e) => e.domain === d)
  if (!engagement) return out
  for (const r of latestResults(ws.db, engagement.id)) {
    if (regressed.has(`${r.checkId}|${r.target}`)) continue
    const until = typeof r.details.validTo === 'string' ? r.details.validTo : typeof r.details.expiresAt === 'string' ? r.details.expiresAt : ''
    // days from the recorded date to today (a result from an earlier run is still right about its date)
    const left = Date.parse(until) ? Math.floor((Date.parse(until) - now.getTime()) / 86_400_000) : r.details.daysLeft
    if (typeof left !== 'number') continue
    const on = until ? ` (${until.slice(0, 10)})` : ''
    if (r.checkId === 'tls.cert' && left <= CERT_ALERT_DAYS) {
      const h = hostLabel(r.target, d)
      out.push({ key: `cert-expiry|${d}|${r.target}`, domain: d, kind: 'cert-expiry', headline: left < 0 ? `The certificate for ${h} expired ${days(-left)} ago${on}.` : `The certificate for ${h} expires in ${days(left)}${on}: renew it or check automatic renewal.` })
    }
    if (r.checkId === 'reg.domain' && left <= DOMAIN_ALERT_DAYS) {
      out.push({ key: `domain-expiry|${d}`, domain: d, kind: 'domain-expiry', headline: left < 0 ? `The domain ${d} expired ${days(-left)} ago${on}.` : `The domain ${d} expires in ${days(left)}${on}: renew it at the registrar (or confirm auto-renew).` })
    }
  }
  return out
}
