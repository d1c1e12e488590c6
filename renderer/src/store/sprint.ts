import type { CheckInfo, CheckResultInfo, CheckStatusName, RunChanges, RunInfo } from '@shared/contract/checks'
import type { AttachmentInfo } from '@shared/contract/sprint'
import type { ErrorInfo } from '@shared/errors'
import type { PlanItem, Risk, SprintStatus } from '@shared/schemas/sprint'

/** The sprint of the open engagement, as the dashboard and board hold it. */
export interface SprintState {
  engagementId: string | null
  status: SprintStatus | null
  phase: 'idle' | 'loading' | 'loaded' | 'error'
  error: ErrorInfo | null
  checks: CheckInfo[]
  results: CheckResultInfo[]
  /** The newest runs, newest first, as the engine keeps them (so they survive a restart). */
  runs: RunInfo[]
  /** What the newest run changed; null until loaded. */
  changes: RunChanges | null
  focus: string | null
  openItem: string | null
  waiveItem: string | null
  attachments: Record<string, AttachmentInfo[]>
}

export const initialSprint: SprintState = {
  engagementId: null,
  status: null,
  phase: 'idle',
  error: null,
  checks: [],
  results: [],
  runs: [],
  changes: null,
  focus: null,
  openItem: null,
  waiveItem: null,
  attachments: {},
}

/** Start looking at an engagement; keeps what is shown when it is the same one (a refresh). */
export function sprintLoading(s: SprintState, engagementId: string): SprintState {
  return s.engagementId === engagementId ? { ...s, phase: 'loading' } : { ...initialSprint, engagementId, phase: 'loading' }
}

/** Items in board order: by block, then stage, then template order (stable). */
export function boardItems(status: SprintStatus | null): PlanItem[] {
  if (!status) return []
  const blockIx = new Map(status.blocks.map((b, i) => [b.id, i]))
  const stageIx = new Map(status.stages.map((st, i) => [st.id, i]))
  return status.items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => (blockIx.get(a.it.block) ?? 99) - (blockIx.get(b.it.block) ?? 99) || (stageIx.get(a.it.stage) ?? 99) - (stageIx.get(b.it.stage) ?? 99) || a.i - b.i)
    .map((x) => x.it)
}

/** j/k: the next or previous item id, clamped at the ends; the first item when nothing is focused. */
export function moveFocus(items: readonly Pick<PlanItem, 'id'>[], focus: string | null, delta: number): string | null {
  if (!items.length) return null
  const i = items.findIndex((x) => x.id === focus)
  if (i < 0) return items[delta < 0 ? items.length - 1 : 0]!.id
  return items[Math.max(0, Math.min(items.length - 1, i + delta))]!.id
}

/**
 * Move one risk up (delta −1) or down (+1) in the fix order. Returns the fixOrder patches to
 * persist: every risk gets its new 1-based position, so the order is explicit afterwards.
 * Empty when the move falls off either end.
 */
export function moveRisk(risks: readonly Pick<Risk, 'itemId' | 'rank'>[], itemId: string, delta: number): { itemId: string; fixOrder: number }[] {
  const order = [...risks].sort((a, b) => a.rank - b.rank).map((r) => r.itemId)
  const i = order.indexOf(itemId)
  const j = i + delta
  if (i < 0 || j < 0 || j >= order.length) return []
  ;[order[i], order[j]] = [order[j]!, order[i]!]
  const before = new Map(risks.map((r) => [r.itemId, r.rank]))
  return order.map((id, k) => ({ itemId: id, fixOrder: k + 1 })).filter((p) => before.get(p.itemId) !== p.fixOrder)
}

export const OUTCOMES = ['pass', 'warn', 'fail', 'error', 'skip'] as const

/** Counts per area and outcome for the overview chart; areas sorted by name. */
export function areaOverview(results: readonly CheckResultInfo[], checks: readonly CheckInfo[]): { area: string; counts: Record<CheckStatusName, number>; total: number }[] {
  const areaOf = new Map(checks.map((c) => [c.id, c.area]))
  const by = new Map<string, Record<CheckStatusName, number>>()
  for (const r of results) {
    const area = areaOf.get(r.checkId) ?? r.checkId.split('.')[0] ?? 'other'
    const c = by.get(area) ?? { pass: 0, warn: 0, fail: 0, error: 0, skip: 0 }
    c[r.status]++
    by.set(area, c)
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, counts]) => ({ area, counts, total: OUTCOMES.reduce((n, k) => n + counts[k], 0) }))
}

/** Runs the dashboard loads: the timeline draws them all, the run list shows the newest six. */
export const RECENT_RUNS = 60

/** The latest results and the run history arrived: kept only if the engagement is still open. */
export function historyLoaded(s: SprintState, engagementId: string, h: Pick<SprintState, 'results' | 'runs' | 'changes'>): SprintState {
  return s.engagementId === engagementId ? { ...s, results: h.results, runs: h.runs, changes: h.changes } : s
}

/** A run's outcomes worth a badge: the statuses it has, in the chart's order. */
export function runBadges(counts: Record<CheckStatusName, number>): { status: CheckStatusName; n: number }[] {
  return OUTCOMES.filter((st) => counts[st] > 0).map((status) => ({ status, n: counts[status] }))
}

/** The waiver dialog's default expiry: 30 days from now, as yyyy-mm-dd. */
export function defaultExpiry(now: Date = new Date()): string {
  return new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10)
}

/** Time left on the clock as "31 h 05 min", or "over" once it ran out. */
export function clockText(msLeft: number): string {
  if (msLeft <= 0) return 'Time is up'
  const min = Math.floor(msLeft / 60_000)
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min left`
}

/** A byte count for people. */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
