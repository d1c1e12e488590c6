import type { ResultRow } from '../results'
import { daysUntil, num, objects, providerName, str, strings, type Obj } from './read'

/** One environment variable name (never its value) and what is wrong with where it lives. */
export interface EnvRow {
  name: string
  environments: string[]
  /** A secret-looking name behind a public prefix: shipped to every browser. */
  publicSecret: boolean
  /** A production secret shared with preview deployments. */
  sharedWithPreview: boolean
}

/** Variable names per environment from host.env, with its findings flagged. */
export function envRows(latest: readonly ResultRow[]): EnvRow[] {
  const r = latest.find((x) => x.checkId === 'host.env')
  if (!r) return []
  const byEnv = (r.details.names ?? {}) as Obj
  const names = new Map<string, Set<string>>()
  for (const [env, list] of Object.entries(byEnv)) for (const n of strings(list)) names.set(n, (names.get(n) ?? new Set()).add(env))
  const pub = new Set(strings(r.details.publicSecrets))
  const shared = new Set(strings(r.details.sharedWithPreview))
  return [...names]
    .map(([name, envs]) => ({ name, environments: [...envs].sort(), publicSecret: pub.has(name), sharedWithPreview: shared.has(name) }))
    .sort((a, b) => Number(b.publicSecret) - Number(a.publicSecret) || Number(b.sharedWithPreview) - Number(a.sharedWithPreview) || a.name.localeCompare(b.name))
}

/** One key route's p95 against the template's targets. */
export interface RouteTiming {
  url: string
  p95: number | null
  status: number | null
  verdict: 'within target' | 'above target' | 'too slow' | 'failing' | 'not found'
}

/** Monitoring as the founder needs it: provider, account owner, monitors, alert contacts, route timings. */
export interface MonitoringView {
  provider: string
  account: string
  monitors: { name: string; url: string; type: string }[]
  contacts: string[]
  unmonitored: string[]
  summary: string
  status: string
  targets: { pass: number; warn: number } | null
  routes: RouteTiming[]
}

export function monitoringView(latest: readonly ResultRow[]): MonitoringView {
  const m = latest.find((x) => x.checkId === 'mon.uptime')
  const routes = latest.find((x) => x.checkId === 'http.routes')
  const t = (routes?.details.targets ?? {}) as Obj
  const pass = num(t.p95PassMs)
  const warn = num(t.p95WarnMs)
  const timing = objects(routes?.details.routes).map((x): RouteTiming => {
    const p95 = num((x.stats as Obj | undefined)?.p95)
    const status = num(x.status)
    const verdict: RouteTiming['verdict'] =
      x.present === false ? 'not found' : x.error || (status ?? 0) >= 500 ? 'failing' : p95 === null ? 'failing' : pass !== null && p95 <= pass ? 'within target' : warn !== null && p95 <= warn ? 'above target' : 'too slow'
    return { url: str(x.url), p95, status, verdict }
  })
  return {
    provider: providerName(str(m?.details.provider)),
    account: str(m?.details.account),
    monitors: objects(m?.details.monitors).map((x) => ({ name: str(x.name), url: str(x.url), type: str(x.type) })),
    contacts: objects(m?.details.contacts).map((c) => `${str(c.name) || 'contact'} (${str(c.type) || 'alert'})`),
    unmonitored: strings(m?.details.unmonitored),
    summary: m?.summary ?? '',
    status: m?.status ?? '',
    targets: pass !== null && warn !== null ? { pass, warn } : null,
    routes: timing.filter((x) => x.verdict !== 'not found'),
  }
}

/** A certificate at handover: its expiry date, days left at handover, issuer; or why none could be read. */
export interface CertView {
  host: string
  status: string
  validTo: string
  daysLeft: number | null
  issuer: string
  summary: string
}

export function certificates(latest: readonly ResultRow[], now: Date): CertView[] {
  return latest
    .filter((r) => r.checkId === 'tls.cert')
    .map((r) => {
      const validTo = str(r.details.validTo)
      return { host: r.target, status: r.status, validTo, daysLeft: validTo ? daysUntil(validTo, now) : null, issuer: str(r.details.issuer), summary: r.summary }
    })
    .sort((a, b) => (a.daysLeft ?? -1e9) - (b.daysLeft ?? -1e9))
}

/** The domain registration at handover (RDAP). */
export interface DomainView {
  name: string
  registrar: string
  registrant: string
  expiresAt: string
  daysLeft: number | null
  transferLocked: boolean | null
  status: string
  summary: string
}

export function domainView(latest: readonly ResultRow[], now: Date): DomainView | null {
  const r = latest.find((x) => x.checkId === 'reg.domain')
  if (!r) return null
  const d = r.details
  const registrar = str(d.registrar) || str((d.registrar as Obj | null)?.name)
  const expiresAt = str(d.expiresAt)
  return {
    name: r.target,
    registrar,
    registrant: str(d.registrant),
    expiresAt,
    daysLeft: expiresAt ? daysUntil(expiresAt, now) : null,
    transferLocked: typeof d.transferLocked === 'boolean' ? d.transferLocked : null,
    status: r.status,
    summary: r.summary,
  }
}

/** The deployment facts the guide's rollback advice rests on (host.deploy). */
export interface DeployView {
  provider: string
  project: string
  current: string
  rollbackTarget: string
  productionBranch: string
  status: string
  summary: string
}

export function deployView(latest: readonly ResultRow[]): DeployView | null {
  const r = latest.find((x) => x.checkId === 'host.deploy')
  if (!r || r.status === 'skip') return null
  const d = r.details
  return { provider: providerName(str(d.provider)), project: str((d.project as Obj | null)?.name), current: str(d.current), rollbackTarget: str(d.rollbackTarget), productionBranch: str(d.productionBranch), status: r.status, summary: r.summary }
}
