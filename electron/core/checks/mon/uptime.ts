import type { Host } from '@shared/schemas/engagement'
import type { Monitor, MonitoringSnapshot } from '../../providers/monitoring/types'
import { apiEvidence, firstUseful } from '../../providers/outcome'
import type { CheckModule, CheckOutcome, ProviderCredential } from '../types'

const PROD_ROLES = ['apex', 'web', 'app', 'api']
const LOGIN = /\/(log-?in|sign-?in|auth|account)\b/i
const HEALTH = /\/(api\/)?(health|healthz|status|ping|up)\b/i

function hostOf(url: string): string | undefined {
  try {
    return new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase()
  } catch {
    return undefined
  }
}

/**
 * Every production host monitored (apex and www count as one homepage), contacts alerted,
 * login and API-health routes covered, SSL-expiry alerting on.
 */
export function judgeUptime(domain: string, hosts: Host[], s: MonitoringSnapshot): Pick<CheckOutcome, 'status' | 'summary'> & { unmonitored: string[]; coverage: Record<string, string[]> } {
  const active = s.monitors.filter((m) => m.active)
  const coverage: Record<string, string[]> = {}
  for (const m of active) {
    const h = hostOf(m.url)
    if (h) (coverage[h] ??= []).push(m.url)
  }
  const prod = hosts.filter((h) => PROD_ROLES.includes(h.role)).map((h) => h.name)
  if (!prod.includes(domain)) prod.unshift(domain)
  const homepage = [domain, `www.${domain}`]
  const unmonitored = prod.filter((h) => !coverage[h] && !(homepage.includes(h) && homepage.some((x) => coverage[x])))
  const out = { unmonitored, coverage }
  const alerting = active.some((m) => m.alerting)
  const fails: string[] = []
  if (active.length === 0) fails.push('no active monitors')
  else if (unmonitored.length) fails.push(`production host${unmonitored.length > 1 ? 's' : ''} unmonitored: ${unmonitored.join(', ')}`)
  if (active.length && s.contacts.length === 0 && !alerting) fails.push('no alert contacts: nobody is told when the site goes down')
  if (fails.length) return { status: 'fail', summary: cap(fails.join('; ')), ...out }
  const warns: string[] = []
  const paths = active.map((m) => pathOf(m))
  if (!paths.some((p) => LOGIN.test(p))) warns.push('no monitor on the login route')
  if (!paths.some((p) => HEALTH.test(p))) warns.push('no monitor on the API health endpoint')
  const silent = active.filter((m) => !m.alerting)
  if (silent.length) warns.push(`${silent.length} monitor(s) alert nobody`)
  if (!active.some((m) => m.sslExpiry === true)) warns.push(active.some((m) => m.sslExpiry === false) ? 'SSL-expiry alerting is off' : `SSL-expiry alerting could not be confirmed at ${s.provider}`)
  if (warns.length) return { status: 'warn', summary: cap(warns.join('; ')), ...out }
  return { status: 'pass', summary: `${active.length} monitors cover every production host, login and API health, with alert contacts and SSL-expiry alerts`, ...out }
}

const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1)

function pathOf(m: Monitor): string {
  try {
    return new URL(/^[a-z]+:\/\//i.test(m.url) ? m.url : `https://${m.url}`).pathname
  } catch {
    return ''
  }
}

export const check: CheckModule = {
  meta: {
    id: 'mon.uptime',
    title: 'Uptime monitoring covers production',
    area: 'mon',
    stage: 'monitoring',
    why: 'Without monitors on every production host and someone alerted, the founder learns about outages (or an expired certificate) from customers.',
    fix: 'In UptimeRobot or Better Stack, add HTTPS monitors for the homepage, the login page and the API health endpoint of every production host, attach the founder and consultant as alert contacts, and turn on SSL-expiry alerts (e.g. 14 days before).',
    byHand: { command: '(in UptimeRobot or Better Stack) Monitors', expect: 'a monitor for the homepage, the login page and the API health route of every production host, each alerting a person' },
    runbook: 'uptime-alert',
    scope: 'engagement',
    network: true,
  },
  run: (ctx) =>
    firstUseful(
      (p) => ctx.services.credentials.get(p),
      ['uptimerobot', 'betterstack'],
      // The account that has monitors is the one in use; an empty one is judged only if both are.
      (cred) => (cred.provider === 'uptimerobot' ? ctx.services.providers.uptimerobot(cred.secret, ctx.signal) : ctx.services.providers.betterstack(cred.secret, ctx.signal)).snapshot(),
      (s) => s.monitors.length > 0,
      (s, cred) => report(ctx.domain, ctx.engagement.hosts, s, cred),
      () => ({ status: 'error', summary: 'The monitoring provider returned nothing' }),
    ),
}

/** The uptime verdict as an outcome with its evidence. */
function report(domain: string, hosts: Host[], s: MonitoringSnapshot, cred: ProviderCredential): CheckOutcome {
  const v = judgeUptime(domain, hosts, s)
  return {
    status: v.status,
    summary: v.summary,
    details: { provider: s.provider, account: s.account ?? null, unmonitored: v.unmonitored, coverage: v.coverage, contacts: s.contacts.map((c) => ({ name: c.name, type: c.type })), monitors: s.monitors },
    evidence: [apiEvidence(`${s.provider} monitors and alert contacts`, s, cred)],
  }
}
