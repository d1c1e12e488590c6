import { rotationState } from '@shared/rotation'
import type { EngagementSummary, RotationDue, SprintClockState } from '@shared/schemas/summary'
import type { Db } from '../workspace/db'
import { addTally, blockClocks, EMPTY_TALLY, isOpenRisk, itemStatus, liveWaiver, rankRisks, stageProgress, type PlanItem, type RiskInput, type Tally } from './plan'
import { EMPTY_GATES, readGates } from './gates'
import { readSummaryRows } from './summary-rows'
import { checkTallies } from './tallies'
import { loadTemplate, resolveTemplate, type ResolvedTemplate } from './templates'
import type { SprintRow } from './types'

/** What a summary needs of a plan item: what the ranking, progress and open counts read. */
type SummaryItem = RiskInput & Pick<PlanItem, 'stage' | 'checks'>

/** Where the 48-hour clock stands at `now`; the block comes from the template when it resolved. */
function clockOf(s: SprintRow, resolved: ResolvedTemplate | null, now: Date): SprintClockState {
  if (s.finishedAt) return { state: 'finished', finishedAt: s.finishedAt }
  const msLeft = new Date(s.endsAt).getTime() - now.getTime()
  if (msLeft <= 0) return { state: 'time-up', endsAt: s.endsAt }
  const block = resolved ? (blockClocks(resolved, s.startedAt, now).find((b) => b.state === 'current')?.title ?? null) : null
  return { state: 'running', endsAt: s.endsAt, msLeft, block }
}

/** Fail and warn results, leaving out checks whose every item is settled (all checks without a plan). */
function openCounts(tallies: Map<string, Tally> | undefined, items: readonly SummaryItem[]): { fail: number; warn: number } {
  const open = new Map<string, boolean>()
  for (const i of items) {
    const o = isOpenRisk(i)
    for (const c of i.checks) open.set(c, open.get(c) === true || o)
  }
  let fail = 0
  let warn = 0
  for (const [c, t] of tallies ?? []) {
    if (open.get(c) === false) continue
    fail += t.fail
    warn += t.warn
  }
  return { fail, warn }
}

function rotationDue(rows: ReturnType<typeof readSummaryRows>['credentials'], now: number): Map<string, RotationDue[]> {
  const by = new Map<string, RotationDue[]>()
  for (const c of rows) {
    const state = rotationState(c, now)
    if (!state) continue
    const list = by.get(c.engagementId) ?? []
    const expires = !!c.expiresAt && (!c.rotationDue || c.expiresAt.slice(0, 10) < c.rotationDue)
    list.push({ id: c.id, label: c.label, rotationDue: (expires ? c.expiresAt! : c.rotationDue!).slice(0, 10), state, ...(expires ? { expires: true } : {}) })
    by.set(c.engagementId, list)
  }
  for (const list of by.values()) list.sort((a, b) => a.rotationDue.localeCompare(b.rotationDue))
  return by
}

/**
 * One summary per engagement for the engagement list: the sprint clock, progress, the worst
 * open risk (the first of the same fix order the dashboard shows: ./plan's planItem and
 * rankRisks), open fail/warn counts, the last run and credentials due for rotation. Batched:
 * a handful of queries for all engagements, cached check tallies, one parse per template.
 */
export function engagementSummaries(db: Db, now = new Date()): EngagementSummary[] {
  const rows = readSummaryRows(db)
  const tallies = checkTallies(db)
  const gates = readGates(db, null)
  const rotation = rotationDue(rows.credentials, now.getTime())
  const resolvedBy = new Map<string, ResolvedTemplate | null>()
  const resolve = (templateId: string, e: (typeof rows.engagements)[number]): ResolvedTemplate | null => {
    const key = `${templateId}\n${e.stage}\n${e.vertical}`
    if (!resolvedBy.has(key)) {
      let r: ResolvedTemplate | null = null
      try {
        r = resolveTemplate(loadTemplate(templateId), e)
      } catch {
        // a template that is gone or broken: the clock still shows, the plan does not
      }
      resolvedBy.set(key, r)
    }
    return resolvedBy.get(key)!
  }

  return rows.engagements.map((e): EngagementSummary => {
    const mine = tallies.get(e.id)
    const sprint = rows.sprints.get(e.id)
    const resolved = sprint ? resolve(sprint.templateId, e) : null
    const states = sprint ? rows.states.get(sprint.id) : undefined
    const waivers = (sprint && rows.waivers.get(sprint.id)) || []
    const items = (resolved?.items ?? []).map((it): SummaryItem => {
      const checks = it.checks ?? []
      let t = EMPTY_TALLY
      for (const c of checks) {
        const x = mine?.get(c)
        if (x) t = addTally(t, x)
      }
      const state = states?.get(it.id)
      const gate = it.gate ? ((gates.get(e.id) ?? EMPTY_GATES).get(it.gate) ?? null) : undefined
      const s = itemStatus(t, state, waivers.length ? liveWaiver(waivers, it.id) : undefined, now, gate)
      const { id, title, severity, block, emphasis, why, fix, stage } = it
      return { id, title, severity, block, emphasis, why, fix, stage, checks, status: s.status, warnings: s.warnings, fixOrder: state?.fixOrder ?? null, riskNote: '' }
    })
    const risks = rankRisks(items)
    const worst = risks[0]
    const progress = resolved ? stageProgress(resolved, items).reduce((p, s) => ({ done: p.done + s.done, total: p.total + s.total }), { done: 0, total: 0 }) : null
    return {
      engagementId: e.id,
      sprint: sprint ? clockOf(sprint, resolved, now) : { state: 'none' },
      progress,
      worstRisk: worst ? { itemId: worst.itemId, title: worst.title, severity: worst.severity, status: worst.status } : null,
      openRisks: risks.length,
      riskScore: risks.reduce((m, r) => Math.max(m, r.score), 0),
      open: openCounts(mine, items),
      lastRunAt: rows.lastRun.get(e.id) ?? null,
      rotation: rotation.get(e.id) ?? [],
    }
  })
}
