import { setMaxListeners } from 'node:events'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Engagement } from '@shared/schemas/engagement'
import type { EventBus } from '../events'
import type { NetworkProfile } from '../net/profile'
import type { Workspace } from '../workspace'
import { executeCheck } from './execute'
import { CheckStore, type FinishedCheck } from './persist'
import { planRun, type PlannedCheck } from './plan'
import { getCheck, listChecks } from './registry'
import { createServices } from './services'
import { latestRegistrarVerdict } from './reg/lib/verdict'
import { probeFacts } from '../probes/gate'
import { warmUp } from './warm'
import { gatedOutcome, openGate, settleQueue } from './gate'
import { KeyedLimiter } from './limiter'
import type { Waiting } from './queue'
import { DEFAULT_THRESHOLDS, type CheckModule, type CheckOutcome, type CheckServices, type CheckStatus, type Thresholds } from './types'

export interface AuditOptions {
  workspace: Workspace
  events: EventBus
  engagement: Engagement
  profile: NetworkProfile
  checkIds?: string[]
  signal?: AbortSignal
  thresholds?: Thresholds
  /** Extra services (credentials, provider clients) over the profile's defaults. */
  services?: Partial<CheckServices>
  /** Use this run id (the API hands it out before the run starts). */
  runId?: string
  /** Run these modules instead of the registry's (tools and tests). */
  modules?: CheckModule[]
  /**
   * 'runbook': a runbook's verify step. Its results are stored (the latest word on those checks)
   * but the run is not one of the engagement's runs: not listed, no run or check events, only
   * `sprint.changed` at the end so open boards refresh.
   */
  origin?: 'runbook'
}

/** (contract) The audit JSON of DESIGN.md §5. */
export interface AuditResult {
  runId: string
  domain: string
  startedAt: string
  finishedAt: string
  durationMs: number
  cancelled: boolean
  checks: { id: string; target: string; status: CheckStatus; summary: string; durationMs: number; evidenceId: number | null; resultId: number | null }[]
  /**
   * Set when the run's network checks could not judge (offline, or a network whose DNS lies):
   * why, and how many check × target pairs wait in the offline queue for a sound network.
   */
  waiting?: { kind: 'offline' | 'untrusted'; reason: string; pending: number }
}

/**
 * The chosen checks plus those that follow one of them (`meta.follows`) and have work for this
 * engagement: selecting host.deploy runs http.smoke after it when smoke flows are declared.
 */
export function withFollowers(chosen: CheckModule[], engagement: Engagement, services: CheckServices): CheckModule[] {
  const ids = new Set(chosen.map((c) => c.meta.id))
  const extra = listChecks().filter((c) => !ids.has(c.meta.id) && c.meta.follows?.some((f) => ids.has(f)) && (c.hasWork?.(engagement, services) ?? true))
  return [...chosen, ...extra]
}

/**
 * Start every planned check at once, except that a check with `meta.follows` starts when every
 * target of the checks it follows has finished (those not in the run are not waited for).
 */
/**
 * Check × target pairs running at once in this process, across every run (one audit has about
 * 60): twenty audits started together run 1,200 pairs, and starting them all in the same moment
 * is what sets the process's peak memory (docs/performance.md, memory). A pair's timeout and
 * duration start when its turn comes.
 */
export const MAX_RUNNING_PAIRS = 128
const pairs = new KeyedLimiter(MAX_RUNNING_PAIRS)

/** Pairs running now and waiting for their turn, in this process. */
export function pairLoad(): { running: number; waiting: number } {
  return { running: pairs.running('pairs'), waiting: pairs.queued('pairs') }
}

function startInOrder(plan: PlannedCheck[], runOne: (p: PlannedCheck) => Promise<void>): Promise<void>[] {
  const started = new Map<string, Promise<void>[]>()
  const ordered = [...plan.filter((p) => !p.check.meta.follows), ...plan.filter((p) => p.check.meta.follows)]
  return ordered.map((p) => {
    const before = (p.check.meta.follows ?? []).flatMap((id) => started.get(id) ?? [])
    const run = before.length ? Promise.all(before).then(() => runOne(p)) : runOne(p)
    started.set(p.check.meta.id, [...(started.get(p.check.meta.id) ?? []), run])
    return run
  })
}

/** The checks to run: all registered ones, or the named ones (unknown ids throw). */
export function selectChecks(ids?: string[]): CheckModule[] {
  if (!ids?.length) return listChecks()
  return ids.map((id) => {
    const c = getCheck(id)
    if (!c) throw new Error(`unknown check "${id}"`)
    return c
  })
}

/**
 * Run every applicable check × target for an engagement concurrently, each with a timeout, and
 * persist results and evidence in batched transactions as they finish. Never throws for a
 * failing check; cancellation ends pending checks as `error` "Cancelled".
 */
export async function runAudit(o: AuditOptions): Promise<AuditResult> {
  const runId = o.runId ?? randomUUID()
  const { engagement } = o
  const events = o.origin ? { emit: () => undefined } : o.events
  // The engagement's private targets are the only way a check reaches a private address.
  const profile: NetworkProfile = { ...o.profile, privateTargets: engagement.privateTargets ?? [] }
  const signal = o.signal ?? new AbortController().signal
  // Each check × target listens on the run's signal.
  setMaxListeners(0, signal)
  const chosen = o.modules ?? selectChecks(o.checkIds)
  // Clones of the engagement's repositories live in the workspace (private, like the rest of it).
  const repoDir = o.workspace.dir && o.workspace.dir !== ':memory:' ? { repoDir: join(o.workspace.dir, 'repos') } : {}
  const services = createServices(profile, { ...repoDir, recorded: { registrarVerdict: (id) => latestRegistrarVerdict(o.workspace.db, id), ...probeFacts(o.workspace.db) }, ...o.services })
  const plan = planRun(engagement, o.modules ? chosen : withFollowers(chosen, engagement, services))
  // A rotation stored offline is verified at the next online run, before any check reads it.
  if (!profile.offline) await services.credentials.prepare?.().catch(() => undefined)
  const store = new CheckStore(o.workspace.db, o.workspace.evidence)
  const t0 = performance.now()
  const startedAt = new Date().toISOString()
  store.startRun(runId, engagement.id, startedAt, plan.length, o.origin ?? null)
  events.emit({ type: 'run.started', runId, engagementId: engagement.id, total: plan.length })
  // Heavy modules (secret scanners, Cloudflare SDK) load before any check starts, not during its
  // handshakes; meanwhile the network's sanity is confirmed before any check judges through it.
  const [, gate] = await Promise.all([warmUp(plan.map((p) => p.check), services, signal), openGate(plan, profile, services, engagement.domain, signal)])

  const results: AuditResult['checks'] = []
  let pending: { f: FinishedCheck; row: AuditResult['checks'][number] }[] = []
  let flushTimer: NodeJS.Timeout | undefined
  let persistError: unknown
  const flush = () => {
    clearTimeout(flushTimer)
    flushTimer = undefined
    const batch = pending
    pending = []
    if (!batch.length) return
    let ids: { id: number; evidenceId: number | null }[]
    try {
      ids = store.saveResults(runId, engagement.id, batch.map((b) => b.f))
    } catch (e) {
      // Keep the batch for the final flush (a busy database); a timer flush must never throw.
      pending = [...batch, ...pending]
      persistError = e
      return
    }
    persistError = undefined
    batch.forEach((b, i) => {
      b.row.resultId = ids[i].id
      b.row.evidenceId = ids[i].evidenceId
      // Reported only once stored: whatever the UI or CLI saw finish survives a crash.
      done += 1
      events.emit({ type: 'check.finished', runId, checkId: b.row.id, target: b.row.target, status: b.row.status, summary: b.row.summary, done, total: plan.length })
    })
  }
  let done = 0
  // Outcomes so far, per check id, for the checks that follow them (ctx.earlier).
  const outcomes = new Map<string, CheckOutcome[]>()
  const earlier = (id: string) => outcomes.get(id) ?? []
  const runOne = (p: (typeof plan)[number]) => pairs.run('pairs', () => runPair(p))
  const runPair = async ({ check, target, host }: (typeof plan)[number]) => {
    events.emit({ type: 'check.started', runId, checkId: check.meta.id, target })
    const c0 = performance.now()
    const timeoutMs = check.meta.timeoutMs ?? profile.timeouts.checkMs
    const ctx = { engagement, domain: engagement.domain, target, host, profile, thresholds: o.thresholds ?? DEFAULT_THRESHOLDS, services, earlier }
    const outcome = gate && check.meta.network && !signal.aborted ? gatedOutcome(gate) : await executeCheck(check, ctx, signal, timeoutMs)
    outcomes.set(check.meta.id, [...earlier(check.meta.id), outcome])
    const durationMs = Math.round(performance.now() - c0)
    const row = { id: check.meta.id, target, status: outcome.status, summary: outcome.summary, durationMs, evidenceId: null, resultId: null }
    results.push(row)
    pending.push({ f: { checkId: check.meta.id, target, outcome, durationMs, finishedAt: new Date().toISOString() }, row })
    // Batch writes: results finishing close together share one transaction.
    flushTimer ??= setTimeout(flush, 25)
  }
  // Every check at once, then the timing checks alone, one after another: a route's samples
  // must time the site, not this process busy with sixty other checks.
  await Promise.all(startInOrder(plan.filter((p) => p.check.meta.phase !== 'timing'), runOne))
  flush()
  for (const p of plan.filter((x) => x.check.meta.phase === 'timing')) await runOne(p)
  flush()
  // Close pooled connections of services this run created (not ones the caller passed in).
  if (!o.services?.http) await services.http?.close().catch(() => undefined)
  // The provider clients' pooled connections too (idle ones close now, not after their keep-alive);
  // not awaited: a request of a check that timed out may still be winding down.
  if (!o.services?.providers) void services.providers?.close().catch(() => undefined)
  const finishedAt = new Date().toISOString()
  let waiting: Waiting | null = null
  try {
    store.finishRun(runId, finishedAt, signal.aborted)
    waiting = settleQueue(o.workspace.db, gate, { id: runId, engagementId: engagement.id, startedAt, cancelled: signal.aborted }, plan)
  } catch (e) {
    persistError ??= e
  }
  events.emit({ type: 'run.finished', runId, engagementId: engagement.id, cancelled: signal.aborted, ...(waiting ? { waiting: waiting.kind } : {}) })
  if (o.origin) o.events.emit({ type: 'sprint.changed', engagementId: engagement.id })
  if (persistError) throw new Error(`the results could not be saved: ${(persistError as Error).message}`)
  results.sort((a, b) => a.id.localeCompare(b.id) || a.target.localeCompare(b.target))
  const wait = waiting ? { waiting: { kind: waiting.kind, reason: waiting.reason, pending: waiting.pending.length } } : {}
  return { runId, domain: engagement.domain, startedAt, finishedAt, durationMs: Math.round(performance.now() - t0), cancelled: signal.aborted, checks: results, ...wait }
}
