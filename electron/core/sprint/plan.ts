import type { BlockClock, ItemState, ItemStatus, PlanItem, ResultLite, Risk, Waiver } from '@shared/schemas/sprint'
import type { Severity } from '@shared/schemas/template'
import type { ResolvedTemplate } from './templates'

export type { BlockClock, ItemState, ItemStatus, PlanItem, ResultLite, Risk, Waiver }

/** What the latest results of an item's checks say, before people and waivers. */
export function deriveFromResults(results: ResultLite[]): { status: ItemStatus; warnings: number } | null {
  if (!results.length) return null
  const warnings = results.filter((r) => r.status === 'warn').length
  if (results.some((r) => r.status === 'fail')) return { status: 'fail', warnings }
  if (results.some((r) => r.status === 'error')) return { status: 'blocked', warnings }
  if (results.every((r) => r.status === 'skip')) return { status: 'blocked', warnings }
  return { status: 'pass', warnings }
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
): PlanItem[] {
  return resolved.items.map((it) => {
    const checks = it.checks ?? []
    const mine = results.filter((r) => checks.includes(r.checkId))
    const state = states.get(it.id)
    const live = waivers.filter((w) => w.itemId === it.id && !w.revokedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
    const active = live && new Date(live.expiresAt) > now ? live : null
    const derived = deriveFromResults(mine)
    const latestResult = mine.reduce((m, r) => (r.at > m ? r.at : m), '')
    let status: ItemStatus = 'todo'
    let source: PlanItem['source'] = 'none'
    if (active) [status, source] = ['waived', 'waiver']
    else if (state?.status && (!derived || state.updatedAt >= latestResult)) [status, source] = [state.status, 'person']
    else if (derived) [status, source] = [derived.status, 'checks']
    return {
      ...it,
      checks,
      manual: checks.length === 0,
      status,
      source,
      results: mine,
      warnings: derived?.warnings ?? 0,
      owner: state?.owner ?? '',
      notes: state?.notes ?? '',
      fixOrder: state?.fixOrder ?? null,
      riskNote: state?.riskNote ?? '',
      waiver: active,
      waiverExpired: !!live && !active,
    }
  })
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


const SEVERITY_WEIGHT: Record<Severity, number> = { 'launch-blocker': 300, 'conversion-blocker': 200, 'scale-risk': 100 }
const STATUS_WEIGHT: Partial<Record<ItemStatus, number>> = { fail: 50, blocked: 40, doing: 30, todo: 20 }

/**
 * The risk list ranked by business impact: failing and blocked items first within each
 * severity, then open ones, then passes that carry warnings; waived items are accepted risks
 * and left out. A person's fix-order override comes first, in their order.
 */
export function rankRisks(items: PlanItem[]): Risk[] {
  const blockIndex = new Map<string, number>()
  items.forEach((i) => blockIndex.has(i.block) || blockIndex.set(i.block, blockIndex.size))
  const open = items
    .filter((i) => i.status !== 'waived' && (i.status !== 'pass' || i.warnings > 0))
    .map((i) => ({
      i,
      score: SEVERITY_WEIGHT[i.severity] + (i.status === 'pass' ? 5 : (STATUS_WEIGHT[i.status] ?? 0)) + i.emphasis * 10,
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
export function stageProgress(resolved: ResolvedTemplate, items: PlanItem[]): { id: string; title: string; done: number; total: number }[] {
  return resolved.template.stages.map((s) => {
    const mine = items.filter((i) => i.stage === s.id)
    return { id: s.id, title: s.title, done: mine.filter((i) => i.status === 'pass' || i.status === 'waived').length, total: mine.length }
  })
}
