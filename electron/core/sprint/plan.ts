import type { BlockClock, ItemState, ItemStatus, PlanItem, ResultLite, Risk, Waiver } from '@shared/schemas/sprint'
import type { Severity } from '@shared/schemas/template'
import type { ResolvedTemplate } from './templates'

export type { BlockClock, ItemState, ItemStatus, PlanItem, ResultLite, Risk, Waiver }

/** What a gate (an item the engine decides from workspace facts, not checks) concluded. */
export interface GateResult {
  /** `todo` while nothing the gate reads has been recorded yet. */
  status: 'pass' | 'fail' | 'todo'
  /** One line saying why, e.g. which systems have no owner. */
  summary: string
}

/** Latest results folded into counts by status and the newest time: all an item's status needs. */
export interface Tally {
  n: number
  fail: number
  error: number
  skip: number
  warn: number
  /** The newest result's finish time ('' when there is none). */
  latestAt: string
}

export const EMPTY_TALLY: Tally = { n: 0, fail: 0, error: 0, skip: 0, warn: 0, latestAt: '' }

/** Count results by status. */
export function tally(results: readonly ResultLite[]): Tally {
  const t = { ...EMPTY_TALLY }
  for (const r of results) {
    t.n++
    if (r.status === 'fail' || r.status === 'error' || r.status === 'skip' || r.status === 'warn') t[r.status]++
    if (r.at > t.latestAt) t.latestAt = r.at
  }
  return t
}

/** Two tallies as one (an item with several checks). */
export function addTally(a: Tally, b: Tally): Tally {
  return { n: a.n + b.n, fail: a.fail + b.fail, error: a.error + b.error, skip: a.skip + b.skip, warn: a.warn + b.warn, latestAt: a.latestAt > b.latestAt ? a.latestAt : b.latestAt }
}

/**
 * What the latest results of an item's checks say (as counts), before people and waivers: a
 * warning makes the item `attention` (it passes with warnings), never a plain pass.
 */
export function deriveFromTally(t: Tally): { status: ItemStatus; warnings: number } | null {
  if (!t.n) return null
  if (t.fail) return { status: 'fail', warnings: t.warn }
  if (t.error || t.skip === t.n) return { status: 'blocked', warnings: t.warn }
  return { status: t.warn ? 'attention' : 'pass', warnings: t.warn }
}

/** What the latest results of an item's checks say, before people and waivers. */
export function deriveFromResults(results: ResultLite[]): { status: ItemStatus; warnings: number } | null {
  return deriveFromTally(tally(results))
}

/**
 * The plan: every template item with its status. An active waiver wins; otherwise the newer
 * of a person's status and the latest check results; manual items only ever take a person's.
 */
export function planItems(
  resolved: ResolvedTemplate,
  results: ResultLite[],
  states: Map<string, ItemState>,
  waivers: Waiver[],
  now: Date,
  gates: ReadonlyMap<string, GateResult> = new Map(),
): PlanItem[] {
  return resolved.items.map((it) => {
    const checks = it.checks ?? []
    const mine = results.filter((r) => checks.includes(r.checkId))
    const state = states.get(it.id)
    const gate = it.gate ? (gates.get(it.gate) ?? null) : undefined
    const s = itemStatus(tally(mine), state, liveWaiver(waivers, it.id), now, gate)
    return {
      ...it,
      checks,
      manual: checks.length === 0 && !it.gate,
      gateSummary: gate?.summary ?? '',
      status: s.status,
      source: s.source,
      results: mine,
      warnings: s.warnings,
      owner: state?.owner ?? '',
      notes: state?.notes ?? '',
      fixOrder: state?.fixOrder ?? null,
      riskNote: state?.riskNote ?? '',
      waiver: s.waiver,
      waiverExpired: s.waiverExpired,
    }
  })
}

/** The newest waiver on an item that was not revoked (it may have expired). */
export function liveWaiver(waivers: readonly Waiver[], itemId: string): Waiver | undefined {
  return waivers.filter((w) => w.itemId === itemId && !w.revokedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
}

/**
 * An item's status from the tally of its checks' latest results, a person's state and its
 * live waiver: an active waiver wins; a gate (an item the engine decides from the workspace,
 * like owners in the access inventory) decides alone; otherwise the newer of the person's
 * status and the results. A person's "pass" on an item whose checks still warn reads as
 * `attention`: the warning is a fact only a waiver can set aside. planItems and the engagement
 * list's summaries both decide with this.
 */
export function itemStatus(
  t: Tally,
  state: Pick<ItemState, 'status' | 'updatedAt'> | undefined,
  live: Waiver | undefined,
  now: Date,
  gate?: GateResult | null,
): Pick<PlanItem, 'status' | 'source' | 'warnings' | 'waiver' | 'waiverExpired'> {
  const active = live && new Date(live.expiresAt) > now ? live : null
  const derived = deriveFromTally(t)
  let status: ItemStatus = 'todo'
  let source: PlanItem['source'] = 'none'
  if (active) [status, source] = ['waived', 'waiver']
  else if (gate !== undefined) [status, source] = gate && gate.status !== 'todo' ? [gate.status, 'checks'] : ['todo', 'none']
  else if (state?.status && (!derived || state.updatedAt >= t.latestAt)) [status, source] = [state.status === 'pass' && t.warn ? 'attention' : state.status, 'person']
  else if (derived) [status, source] = [derived.status, 'checks']
  return { status, source, warnings: derived?.warnings ?? 0, waiver: active, waiverExpired: !!live && !active }
}

/** The four blocks on the 48-hour clock, with the time left in each. */
export function blockClocks(resolved: ResolvedTemplate, startedAt: string, now: Date): BlockClock[] {
  let t = new Date(startedAt).getTime()
  return resolved.template.blocks.map((b) => {
    const start = t
    const end = start + b.hours * 3_600_000
    t = end
    const state = now.getTime() >= end ? 'done' : now.getTime() >= start ? 'current' : 'upcoming'
    return {
      id: b.id,
      title: b.title,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
      msLeft: Math.max(0, end - Math.max(now.getTime(), start)),
      state,
    }
  })
}


/** What ranking a risk reads of an item. */
export type RiskInput = Pick<PlanItem, 'id' | 'title' | 'severity' | 'status' | 'block' | 'warnings' | 'emphasis' | 'fixOrder' | 'why' | 'fix' | 'riskNote'>

/** An item still on the risk list: not waived and not a clean pass (`attention` stays). */
export function isOpenRisk(i: Pick<PlanItem, 'status' | 'warnings'>): boolean {
  return i.status !== 'waived' && i.status !== 'pass'
}

const SEVERITY_WEIGHT: Record<Severity, number> = { 'launch-blocker': 300, 'conversion-blocker': 200, 'scale-risk': 100 }
const STATUS_WEIGHT: Partial<Record<ItemStatus, number>> = { fail: 50, blocked: 40, doing: 30, todo: 20, attention: 5 }

/**
 * The risk list ranked by business impact: failing and blocked items first within each
 * severity, then open ones, then items needing attention (passing with warnings); waived
 * items are accepted risks and left out. A person's fix-order override comes first, in their
 * order. Never alphabetical: ties keep the plan's block order.
 */
export function rankRisks(items: readonly RiskInput[]): Risk[] {
  const blockIndex = new Map<string, number>()
  items.forEach((i) => blockIndex.has(i.block) || blockIndex.set(i.block, blockIndex.size))
  const open = items
    .filter(isOpenRisk)
    .map((i) => ({
      i,
      score: SEVERITY_WEIGHT[i.severity] + (STATUS_WEIGHT[i.status] ?? 0) + i.emphasis * 10,
    }))
  open.sort((a, b) => {
    const ao = a.i.fixOrder ?? Infinity
    const bo = b.i.fixOrder ?? Infinity
    if (ao !== bo) return ao - bo
    if (b.score !== a.score) return b.score - a.score
    return (blockIndex.get(a.i.block) ?? 0) - (blockIndex.get(b.i.block) ?? 0)
  })
  return open.map(({ i, score }, n) => ({
    itemId: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    block: i.block,
    score,
    why: i.why,
    fix: i.fix,
    note: i.riskNote,
    rank: n + 1,
  }))
}

/** Progress per stage: items settled (pass or waived) out of all. */
export function stageProgress(resolved: ResolvedTemplate, items: readonly Pick<PlanItem, 'stage' | 'status'>[]): { id: string; title: string; done: number; total: number }[] {
  return resolved.template.stages.map((s) => {
    const mine = items.filter((i) => i.stage === s.id)
    return { id: s.id, title: s.title, done: mine.filter((i) => i.status === 'pass' || i.status === 'waived').length, total: mine.length }
  })
}
