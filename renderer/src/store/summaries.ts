import type { ErrorInfo } from '@shared/errors'
import type { Engagement } from '@shared/schemas/engagement'
import type { EngagementSummary, RotationDue, SprintClockState } from '@shared/schemas/summary'
import { toErrorInfo, type Transport } from '../transport/types'
import type { SliceApi } from './types'
import type { SummariesState, ListSort, SummaryActions } from './types/summaries'

export type { SummariesState, ListSort, SummaryActions } from './types/summaries'

export const initialSummaries: SummariesState = { byId: {}, status: 'idle', error: null }

/** A loading pass began (keeps what is shown). */
export function summariesLoading(s: SummariesState): SummariesState {
  return { ...s, status: 'loading' }
}

/** The engine answered: the summaries replace the old ones (removed engagements drop out). */
export function summariesLoaded(_s: SummariesState, list: readonly EngagementSummary[], now = Date.now()): SummariesState {
  return { byId: Object.fromEntries(list.map((x) => [x.engagementId, x])), status: 'loaded', error: null, loadedAt: now }
}

/** Under way, or answered within `withinMs`: a new fetch would show nothing newer. */
export function summariesFresh(s: SummariesState, withinMs = 5_000, now = Date.now()): boolean {
  return s.status === 'loading' || (s.status === 'loaded' && s.loadedAt !== undefined && now - s.loadedAt < withinMs)
}

/** Loading failed: the rows keep what they showed; the list itself still works. */
export function summariesFailed(s: SummariesState, error: ErrorInfo): SummariesState {
  return { ...s, status: 'error', error }
}

const overdue = (s: EngagementSummary | undefined) => s?.rotation.filter((r) => r.state === 'overdue').length ?? 0
const clockEnd = (s: EngagementSummary | undefined) => (s?.sprint.state === 'running' ? Date.parse(s.sprint.endsAt) : Infinity)

/**
 * "Most at risk" first: the highest-impact open risk (its severity and status, as the sprint
 * ranks them), then more failing checks, overdue credential rotations, warnings, and a running
 * clock closer to its end. Ties keep the given order (most recently updated first).
 */
export function compareRisk(a: EngagementSummary | undefined, b: EngagementSummary | undefined): number {
  return (
    (b?.riskScore ?? 0) - (a?.riskScore ?? 0) ||
    (b?.open.fail ?? 0) - (a?.open.fail ?? 0) ||
    overdue(b) - overdue(a) ||
    (b?.open.warn ?? 0) - (a?.open.warn ?? 0) ||
    (clockEnd(a) === clockEnd(b) ? 0 : clockEnd(a) < clockEnd(b) ? -1 : 1)
  )
}

/** The list in the chosen order (a new array; `items` arrive most recently updated first). */
export function sortList(items: readonly Engagement[], byId: Record<string, EngagementSummary>, sort: ListSort): Engagement[] {
  if (sort === 'updated') return [...items]
  return [...items].sort((a, b) => compareRisk(byId[a.id], byId[b.id]))
}

/** "31 h left" / "45 min left": hours once there is an hour or more. */
export function timeLeft(ms: number): string {
  const min = Math.floor(ms / 60_000)
  return min >= 60 ? `${Math.floor(min / 60)} h left` : `${Math.max(1, min)} min left`
}

/** The sprint column's clock: "31 h left · Day 1 · afternoon", "Not started", "Finished", "Time is up". */
export function clockLabel(s: SprintClockState | undefined, now = Date.now()): string {
  if (!s || s.state === 'none') return 'Not started'
  if (s.state === 'finished') return 'Finished'
  if (s.state === 'time-up') return 'Time is up'
  const ms = Date.parse(s.endsAt) - now
  if (ms <= 0) return 'Time is up'
  return s.block ? `${timeLeft(ms)} · ${s.block}` : timeLeft(ms)
}

/** The badge for credentials due for rotation: overdue wins over soon; null when none. */
export function rotationBadge(rotation: readonly RotationDue[]): { state: 'overdue' | 'soon'; text: string; detail: string } | null {
  const late = rotation.filter((r) => r.state === 'overdue')
  const list = late.length ? late : rotation
  if (!list.length) return null
  const detail = list.map((r) => `${r.label} (${r.expires ? 'token expires ' : ''}${r.rotationDue})`).join(', ')
  return late.length ? { state: 'overdue', text: 'Rotation overdue', detail } : { state: 'soon', text: 'Rotation due soon', detail }
}

type Api = SliceApi

/** Store actions of the list's summaries: thin calls, state changes in the functions above. */
export function summaryActions(transport: Transport, set: Api['setState']): SummaryActions {
  let seq = 0
  return {
    async loadSummaries() {
      const mine = ++seq
      set((s) => ({ summaries: summariesLoading(s.summaries) }))
      try {
        const list = await transport.call('engagementSummaries')
        if (mine === seq) set((s) => ({ summaries: summariesLoaded(s.summaries, list) }))
      } catch (e) {
        if (mine === seq) set((s) => ({ summaries: summariesFailed(s.summaries, toErrorInfo(e)) }))
      }
    },
    setListSort: (listSort) => set((s) => ({ ui: { ...s.ui, listSort } })),
  }
}
