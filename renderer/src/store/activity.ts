import type { AppEvent } from '@shared/events'

export { runOutcome } from '@shared/run-outcome'

/** A run anywhere in the workspace, as the global indicator shows it (from events alone). */
export interface RunActivity {
  runId: string
  engagementId: string
  total: number
  done: number
  fail: number
  /** Checks that could not judge (a provider down, a timeout): not a verdict about the client. */
  error: number
  warn: number
  startedAt: number
  finishedAt: number | null
  cancelled: boolean
  /** The run's network checks wait in the offline queue (offline, or a network that tells lies). */
  waiting?: 'offline' | 'untrusted'
}

/** Runs kept: the running ones and the few newest finished ones. */
export const MAX_ACTIVITY = 5

/**
 * Fold one event into the workspace's run activity. `now` is when the event arrived (ms). An
 * event of an unknown run that is not its start adds nothing (the window opened mid-run: the
 * next run.started will bring the run in).
 */
export function activityEvent(list: RunActivity[], e: AppEvent, now: number): RunActivity[] {
  switch (e.type) {
    case 'run.started': {
      if (list.some((r) => r.runId === e.runId)) return list
      const run: RunActivity = { runId: e.runId, engagementId: e.engagementId, total: e.total, done: 0, fail: 0, error: 0, warn: 0, startedAt: now, finishedAt: null, cancelled: false }
      return trim([run, ...list])
    }
    case 'check.finished':
      return patch(list, e.runId, (r) => ({ ...r, done: Math.max(r.done, e.done), total: e.total || r.total, fail: r.fail + (e.status === 'fail' ? 1 : 0), error: r.error + (e.status === 'error' ? 1 : 0), warn: r.warn + (e.status === 'warn' ? 1 : 0) }))
    case 'run.finished':
      return patch(list, e.runId, (r) => ({ ...r, finishedAt: now, cancelled: e.cancelled, ...(e.waiting ? { waiting: e.waiting } : {}) }))
    default:
      return list
  }
}

/** Forget a finished run (its notice was seen or dismissed). */
export function dismissActivity(list: RunActivity[], runId: string): RunActivity[] {
  return list.filter((r) => r.runId !== runId || r.finishedAt === null)
}

/** The runs still going, oldest first. */
export function runningNow(list: RunActivity[]): RunActivity[] {
  return list.filter((r) => r.finishedAt === null).sort((a, b) => a.startedAt - b.startedAt)
}

/** Elapsed time as "12 s", "3 min 4 s" or "1 h 2 min". */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${s % 60} s`
  return `${Math.floor(m / 60)} h ${m % 60} min`
}

function patch(list: RunActivity[], runId: string, f: (r: RunActivity) => RunActivity): RunActivity[] {
  return list.some((r) => r.runId === runId) ? list.map((r) => (r.runId === runId ? f(r) : r)) : list
}

/** Keep every running run and the newest finished ones, up to MAX_ACTIVITY in all. */
function trim(list: RunActivity[]): RunActivity[] {
  const running = list.filter((r) => r.finishedAt === null)
  const finished = list.filter((r) => r.finishedAt !== null)
  return [...running, ...finished.slice(0, Math.max(0, MAX_ACTIVITY - running.length))]
}
