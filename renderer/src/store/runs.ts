import type { AppEvent } from '@shared/events'

/** One check × target of a live run, as the progress list shows it. */
export interface RunLine {
  key: string
  checkId: string
  target: string
  state: 'running' | 'pass' | 'warn' | 'fail' | 'error' | 'skip'
  summary: string
  /** When the check started (ms), for "still running for 12 s". */
  startedAt: number
}

/** The run the board is watching (one at a time per window). */
export interface LiveRun {
  runId: string
  engagementId: string
  total: number
  done: number
  lines: RunLine[]
  state: 'running' | 'finished' | 'cancelled'
  cancelling: boolean
  /** When the run was asked for, and when it ended (ms). */
  startedAt: number
  finishedAt: number | null
}

/** Most lines the live list keeps: the newest, so a huge run never grows the DOM without bound. */
export const MAX_LINES = 400

const lineKey = (checkId: string, target: string) => `${checkId}@${target}`
const STATES = new Set(['pass', 'warn', 'fail', 'error', 'skip'])

/** A run was asked for (runSprint answered): watch it from zero. */
export function runRequested(runId: string, engagementId: string, total: number, now = Date.now()): LiveRun {
  return { runId, engagementId, total, done: 0, lines: [], state: 'running', cancelling: false, startedAt: now, finishedAt: null }
}

/**
 * Fold one event into the watched run. Events of other runs leave it unchanged (same object),
 * so callers can skip a re-render.
 */
export function runEvent(run: LiveRun | null, e: AppEvent, now = Date.now()): LiveRun | null {
  if (!run || !('runId' in e) || e.runId !== run.runId) return run
  switch (e.type) {
    case 'run.started':
      return { ...run, total: e.total }
    case 'check.started': {
      const key = lineKey(e.checkId, e.target)
      if (run.lines.some((l) => l.key === key)) return run
      const line: RunLine = { key, checkId: e.checkId, target: e.target, state: 'running', summary: '', startedAt: now }
      return { ...run, lines: [...run.lines, line].slice(-MAX_LINES) }
    }
    case 'check.finished': {
      const key = lineKey(e.checkId, e.target)
      const state = (STATES.has(e.status) ? e.status : 'error') as RunLine['state']
      const had = run.lines.find((l) => l.key === key)
      const line: RunLine = { key, checkId: e.checkId, target: e.target, state, summary: e.summary, startedAt: had?.startedAt ?? now }
      const has = !!had
      const lines = has ? run.lines.map((l) => (l.key === key ? line : l)) : [...run.lines, line].slice(-MAX_LINES)
      return { ...run, lines, done: Math.max(run.done, e.done), total: e.total || run.total }
    }
    case 'run.finished':
      return { ...run, state: e.cancelled ? 'cancelled' : 'finished', cancelling: false, finishedAt: now }
    default:
      return run
  }
}

/** Progress as a fraction 0..1 (a run of zero checks is complete). */
export function runProgress(run: Pick<LiveRun, 'done' | 'total'>): number {
  return run.total <= 0 ? 1 : Math.min(1, run.done / run.total)
}

/**
 * What the progress card lists: the checks still running (longest-running first), then the
 * finished ones, failures first, newest first within each outcome.
 */
export function linesToShow(run: LiveRun): RunLine[] {
  const rank: Record<RunLine['state'], number> = { running: 0, fail: 1, error: 1, warn: 2, skip: 3, pass: 4 }
  const order = new Map(run.lines.map((l, i) => [l.key, i]))
  return [...run.lines].sort((a, b) => rank[a.state] - rank[b.state] || (a.state === 'running' ? a.startedAt - b.startedAt : order.get(b.key)! - order.get(a.key)!))
}

/** Counts per outcome for the live list's summary line. */
export function runCounts(run: LiveRun): Record<RunLine['state'], number> {
  const c = { running: 0, pass: 0, warn: 0, fail: 0, error: 0, skip: 0 }
  for (const l of run.lines) c[l.state]++
  return c
}
