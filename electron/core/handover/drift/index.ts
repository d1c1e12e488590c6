import { isIP } from 'node:net'
import { normalizeRepo } from '@shared/schemas/check-config'
import { existsSync } from 'node:fs'
import { readRegularFile } from '../../files/read'
import { BUNDLE_LIMITS } from '../bundle/input'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/errors'
import { engagementCreateSchema, type Engagement } from '@shared/schemas/engagement'
import type { EventBus } from '../../events'
import type { NetworkProfile } from '../../net/profile'
import type { Workspace } from '../../workspace'
import type { CheckServices } from '../../checks/types'
import { runAudit } from '../../checks/runner'
import { getCheck } from '../../checks/registry'
import { CheckStore } from '../../checks/persist'
import { BASELINE_FORMAT, type Baseline } from '../baseline'
import { observedValues } from '../extract'
import { FILES } from '../bundle/files'
import { verifyBundle } from '../bundle/verify'
import { recordBundleLocation } from '../../portfolio/bundles'
import { classify, foldCnameFollowers, type CheckNow, type DriftFinding } from './classify'

export type { DriftChange, DriftFinding, DriftVerdict } from './classify'

/** What `drift` found: every check of the baseline that changed, classified and worded. */
export interface DriftReport {
  bundle: string
  bundleValid: boolean
  domain: string
  baselineAt: string
  checkedAt: string
  checked: number
  regressions: number
  improvements: number
  findings: DriftFinding[]
}

/** Read and sanity-check baseline.json from a bundle folder. */
export function readBaseline(dir: string): Baseline {
  const p = join(dir, FILES.baseline)
  if (!existsSync(p)) throw new AppError('invalid_input', `${dir} has no ${FILES.baseline}: not a handover bundle`)
  let b: Baseline
  try {
    b = JSON.parse(readRegularFile(p, { max: BUNDLE_LIMITS.maxEntryBytes, label: 'baseline', noFollow: true }).toString('utf8')) as Baseline
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('invalid_input', `${p} is not JSON`)
  }
  if (!b || typeof b !== 'object' || b.format !== BASELINE_FORMAT || !Array.isArray(b.checks) || !b.engagement?.domain) throw new AppError('invalid_input', `${p} is not a handover baseline`)
  return b
}

/**
 * Clone URLs a baseline names that drift may clone: https with a DNS name, never an address or a
 * single-label host (the file comes from outside: it must not steer a clone into a private network).
 */
function publicCloneUrls(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list
    .flatMap((x) => {
      const r = normalizeRepo(String(x))
      if (!r.ok || !r.value.startsWith('https://')) return []
      const host = new URL(r.value).hostname
      return host.includes('.') && !isIP(host.replace(/^\[|\]$/g, '')) && !host.endsWith('.localhost') ? [r.value] : []
    })
    .slice(0, 10)
}

/** The engagement the baseline describes: found by domain in this workspace, or recreated from it. */
function engagementFor(ws: Workspace, b: Baseline): Engagement {
  const existing = ws.engagements.list().find((e) => e.domain === b.engagement.domain)
  // The baseline's hosts and check settings, whatever the engagement holds today.
  if (existing) return { ...existing, hosts: b.engagement.hosts, dkimSelectors: b.engagement.dkimSelectors ?? existing.dkimSelectors, routes: b.engagement.routes ?? existing.routes }
  return ws.engagements.create(
    engagementCreateSchema.parse({
      domain: b.engagement.domain,
      clientName: b.engagement.clientName,
      founderName: b.engagement.founderName,
      founderEmail: b.engagement.founderEmail,
      stage: b.engagement.stage,
      vertical: b.engagement.vertical,
      hosts: b.engagement.hosts.map((h) => ({ name: h.name, role: h.role })),
      // the same check settings, so drift re-runs the checks the baseline recorded
      dkimSelectors: b.engagement.dkimSelectors,
      routes: b.engagement.routes,
      repos: publicCloneUrls(b.engagement.repos),
    }),
  )
}

/**
 * The checks to re-run: those the baseline recorded that did run then (a check that was skipped at
 * handover, e.g. secrets.repo with no repository, stays unchecked rather than turning skip→fail),
 * and the services the baseline's settings allow.
 */
function rerunPlan(b: Baseline, services: Partial<CheckServices> | undefined): { ids: string[]; services: Partial<CheckServices> | undefined } {
  const ran = (id: string) => b.checks.some((c) => c.id === id && c.status !== 'skip')
  const ids = [...new Set(b.checks.map((c) => c.id))].filter((id) => getCheck(id) && ran(id))
  return { ids, services: services && !ran('secrets.repo') ? { ...services, repos: undefined } : services }
}

/**
 * Re-run the checks recorded in a bundle's baseline.json against the live infrastructure (as
 * reached through `profile`) with the baseline's hosts and settings, and classify what changed
 * since handover: regressions, improvements and neutral facts, each worded for a founder.
 */
export async function runDrift(o: {
  workspace: Workspace
  events: EventBus
  bundle: string
  profile: NetworkProfile
  services?: Partial<CheckServices>
  signal?: AbortSignal
}): Promise<DriftReport> {
  const dir = resolve(o.bundle)
  const baseline = readBaseline(dir)
  const bundleValid = (await verifyBundle(dir)).ok
  const engagement = engagementFor(o.workspace, baseline)
  recordBundleLocation(o.workspace.db, baseline.engagement.domain, dir)
  const plan = rerunPlan(baseline, o.services)
  const audit = plan.ids.length ? await runAudit({ workspace: o.workspace, events: o.events, engagement, profile: o.profile, checkIds: plan.ids, services: plan.services, signal: o.signal }) : null
  const store = new CheckStore(o.workspace.db, o.workspace.evidence)
  const now = new Map<string, CheckNow>()
  for (const c of audit?.checks ?? []) {
    const details = (c.resultId != null ? store.getResult(c.resultId)?.details : undefined) ?? {}
    now.set(`${c.id}\n${c.target}`, { status: c.status, summary: c.summary, observed: observedValues(details), details })
  }
  // Bundles made before engagement-wide checks were named after the domain used the engagement id.
  const target = (t: string) => (t === baseline.engagement.id ? engagement.id : t)
  const domain = baseline.engagement.domain
  const findings = foldCnameFollowers(
    baseline.checks
      .filter((b) => plan.ids.includes(b.id))
      .map((b) => classify(b, now.get(`${b.id}\n${target(b.target)}`), domain))
      .filter((f): f is DriftFinding => f !== null),
    baseline.checks,
    domain,
  )
  const count = (v: string) => findings.filter((f) => f.verdict === v).length
  return { bundle: dir, bundleValid, domain, baselineAt: baseline.createdAt, checkedAt: new Date().toISOString(), checked: now.size, regressions: count('regression'), improvements: count('improvement'), findings }
}
