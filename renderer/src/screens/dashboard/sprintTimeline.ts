import type { CheckStatusName, RunInfo } from '@shared/contract/checks'
import type { SprintStatus } from '@shared/schemas/sprint'

/** Positions are fractions of the sprint's span: 0 at its start, 1 at its end. */
export interface TimelineModel {
  startMs: number
  endMs: number
  blocks: { id: string; title: string; x0: number; x1: number; state: string }[]
  /** Where "now" is, or null when it is outside the sprint. */
  now: number | null
  runs: { id: string; x: number; at: string; finishedAt: string | null; status: RunInfo['status']; counts: Record<CheckStatusName, number>; total: number }[]
  waivers: { itemId: string; x: number; at: string; reason: string }[]
  /** Runs that happened before the sprint started or after it ended (not drawn). */
  outside: number
  /** Ticks every 6 hours: x and the hour. */
  ticks: { x: number; hour: number }[]
}

const HOUR = 3_600_000

/**
 * Lay the sprint out on one axis: its blocks, every run in its window (oldest first) with its
 * outcomes, the waivers granted, and "now". Pure, so the picture is tested without a browser.
 */
export function sprintTimeline(status: Pick<SprintStatus, 'sprint' | 'blocks' | 'items'>, runs: readonly RunInfo[], nowMs = Date.now()): TimelineModel {
  const startMs = Date.parse(status.sprint.startedAt)
  const endMs = Math.max(Date.parse(status.sprint.endsAt), startMs + HOUR)
  const span = endMs - startMs
  const x = (ms: number) => (ms - startMs) / span
  const inside = (ms: number) => ms >= startMs && ms <= endMs
  const drawn = runs.filter((r) => inside(Date.parse(r.startedAt)))
  return {
    startMs,
    endMs,
    blocks: status.blocks.map((b) => ({ id: b.id, title: b.title, x0: Math.max(0, x(Date.parse(b.startsAt))), x1: Math.min(1, x(Date.parse(b.endsAt))), state: b.state })),
    now: inside(nowMs) ? x(nowMs) : null,
    runs: drawn
      .map((r) => ({ id: r.id, x: x(Date.parse(r.startedAt)), at: r.startedAt, finishedAt: r.finishedAt, status: r.status, counts: r.counts, total: Object.values(r.counts).reduce((n, c) => n + c, 0) }))
      .sort((a, b) => a.x - b.x),
    waivers: status.items
      .filter((i) => i.waiver && inside(Date.parse(i.waiver.createdAt)))
      .map((i) => ({ itemId: i.id, x: x(Date.parse(i.waiver!.createdAt)), at: i.waiver!.createdAt, reason: i.waiver!.reason })),
    outside: runs.length - drawn.length,
    ticks: Array.from({ length: Math.floor(span / (6 * HOUR)) + 1 }, (_, k) => ({ x: x(startMs + k * 6 * HOUR), hour: k * 6 })),
  }
}
