import { isIP } from 'node:net'
import { normalizeRepo } from '@shared/schemas/check-config'
import { existsSync } from 'node:fs'
import { readRegularFile } from '../files/read'
import { BUNDLE_LIMITS } from './bundle/input'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/errors'
import { engagementCreateSchema, type Engagement } from '@shared/schemas/engagement'
import type { EventBus } from '../events'
import type { NetworkProfile } from '../net/profile'
import type { Workspace } from '../workspace'
import type { CheckServices } from '../checks/types'
import { runAudit } from '../checks/runner'
import { getCheck } from '../checks/registry'
import { CheckStore } from '../checks/persist'
import { BASELINE_FORMAT, type Baseline, type BaselineCheck } from './baseline'
import { observedValues } from './extract'
import { FILES } from './bundle/files'
import { verifyBundle } from './bundle/verify'

export interface DriftChange {
  checkId: string
  target: string
  /** status: the verdict changed; value: an observed value changed; missing: the check no longer ran. */
  kind: 'status' | 'value' | 'missing'
  before: string
  after: string
  /** For value changes: the dotted path inside the check's details. */
  path?: string
}

export interface DriftReport {
  bundle: string
  bundleValid: boolean
  domain: string
  baselineAt: string
  checkedAt: string
  checked: number
  changes: DriftChange[]
}

const MAX_VALUE_CHANGES = 20

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

/** Compare one check's baseline with its new result. */
export function diffCheck(before: BaselineCheck, after: { status: string; summary: string; observed: BaselineCheck['observed'] } | undefined): DriftChange[] {
  const base = { checkId: before.id, target: before.target }
  if (!after) return [{ ...base, kind: 'missing', before: `${before.status}: ${before.summary}`, after: 'not run' }]
  const out: DriftChange[] = []
  if (after.status !== before.status) out.push({ ...base, kind: 'status', before: `${before.status}: ${before.summary}`, after: `${after.status}: ${after.summary}` })
  const keys = [...new Set([...Object.keys(before.observed), ...Object.keys(after.observed)])].sort()
  for (const k of keys) {
    const a = before.observed[k]
    const b = after.observed[k]
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    if (out.length >= MAX_VALUE_CHANGES) break
    out.push({ ...base, kind: 'value', path: k, before: a === undefined ? '(absent)' : String(a), after: b === undefined ? '(absent)' : String(b) })
  }
  return out
}

/**
 * Clone URLs a baseline names that drift may clone: https with a DNS name, never an address or a
 * single-label host (the file comes from outside: it must not steer a clone into a private network).
 */
function publicCloneUrls(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((x) => {
    const r = normalizeRepo(String(x))
    if (!r.ok || !r.value.startsWith('https://')) return []
    const host = new URL(r.value).hostname
    return host.includes('.') && !isIP(host.replace(/^\[|\]$/g, '')) && !host.endsWith('.localhost') ? [r.value] : []
  }).slice(0, 10)
}

/** The engagement the baseline describes: found by domain in this workspace, or recreated from it. */
function engagementFor(ws: Workspace, b: Baseline): Engagement {
  const existing = ws.engagements.list().find((e) => e.domain === b.engagement.domain)
  if (existing) return existing
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
 * Re-run the checks recorded in a bundle's baseline.json against the live infrastructure (as
 * reached through `profile`) and list what changed since handover: verdicts and observed values
 * (DNS answers, redirect targets, certificates, provider settings, monitors).
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
  const ids = [...new Set(baseline.checks.map((c) => c.id))].filter((id) => getCheck(id))
  const audit = ids.length ? await runAudit({ workspace: o.workspace, events: o.events, engagement, profile: o.profile, checkIds: ids, services: o.services, signal: o.signal }) : null
  const store = new CheckStore(o.workspace.db, o.workspace.evidence)
  const now = new Map<string, { status: string; summary: string; observed: BaselineCheck['observed'] }>()
  for (const c of audit?.checks ?? []) {
    const r = c.resultId != null ? store.getResult(c.resultId) : undefined
    now.set(`${c.id}\n${c.target}`, { status: c.status, summary: c.summary, observed: observedValues(r?.details ?? {}) })
  }
  // Bundles made before engagement-wide checks were named after the domain used the engagement id.
  const target = (t: string) => (t === baseline.engagement.id ? engagement.id : t)
  const changes = baseline.checks.flatMap((b) => diffCheck(b, now.get(`${b.id}\n${target(b.target)}`)))
  return { bundle: dir, bundleValid, domain: baseline.engagement.domain, baselineAt: baseline.createdAt, checkedAt: new Date().toISOString(), checked: now.size, changes }
}
