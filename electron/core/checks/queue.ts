import type { Db } from '../workspace/db'

/** Why a run's network checks did not judge, and which check × target pairs wait for a sound network. */
export interface Waiting {
  reason: string
  /** 'offline': no network at all; 'untrusted': a network whose DNS tells lies. */
  kind: 'offline' | 'untrusted'
  since: string
  /** "<checkId> <target>" pairs still to run. */
  pending: string[]
}

/** A run in the offline queue. */
export interface WaitingRun extends Waiting {
  runId: string
  engagementId: string
  domain: string
  startedAt: string
}

/** The key of one check × target in a run's pending list. */
export const pendingKey = (checkId: string, target: string): string => `${checkId} ${target}`

/** A pending key back as its check and target (check ids hold no space). */
export function splitPending(key: string): { checkId: string; target: string } {
  const i = key.indexOf(' ')
  return i < 0 ? { checkId: key, target: '' } : { checkId: key.slice(0, i), target: key.slice(i + 1) }
}

/** Read a stored `waiting` column defensively (an imported or hand-edited file may hold anything). */
export function parseWaiting(text: string | null): Waiting | null {
  if (!text) return null
  try {
    const w = JSON.parse(text) as Partial<Waiting>
    const pending = Array.isArray(w.pending) ? w.pending.filter((p): p is string => typeof p === 'string') : []
    if (!pending.length) return null
    return { reason: String(w.reason ?? ''), kind: w.kind === 'offline' ? 'offline' : 'untrusted', since: String(w.since ?? ''), pending }
  } catch {
    return null
  }
}

/**
 * The offline queue (check_runs.waiting): a run whose network checks ended because the machine
 * was offline or its network could not be trusted waits here until a later run of the same
 * engagement runs those checks on a sound network.
 */
export class RunQueue {
  constructor(private readonly db: Db) {}

  /** Put a run in the queue with the pairs that wait. */
  wait(runId: string, w: Waiting): void {
    this.db.prepare('UPDATE check_runs SET waiting = ? WHERE id = ?').run(JSON.stringify(w), runId)
  }

  /**
   * A run on a sound network ran these pairs: take them off every earlier waiting run of the
   * engagement; a run with nothing left is resumed by this one.
   */
  settle(engagementId: string, byRunId: string, ran: string[]): void {
    const done = new Set(ran)
    const rows = this.db
      .prepare<[string, string], { id: string; waiting: string }>('SELECT id, waiting FROM check_runs WHERE engagement_id = ? AND waiting IS NOT NULL AND resumed_by IS NULL AND id != ?')
      .all(engagementId, byRunId)
    const update = this.db.prepare('UPDATE check_runs SET waiting = ?, resumed_by = ? WHERE id = ?')
    this.db.transaction(() => {
      for (const r of rows) {
        const w = parseWaiting(r.waiting)
        const left = w ? w.pending.filter((p) => !done.has(p)) : []
        if (w && left.length === w.pending.length) continue
        update.run(w && left.length ? JSON.stringify({ ...w, pending: left }) : r.waiting, left.length ? null : byRunId, r.id)
      }
    })()
  }

  /** Runs still waiting (optionally one engagement's), oldest first. */
  list(engagementId?: string): WaitingRun[] {
    const rows = this.db
      .prepare<[string | null, string | null], { id: string; engagement_id: string; domain: string; started_at: string; waiting: string }>(
        `SELECT c.id, c.engagement_id, e.domain, c.started_at, c.waiting FROM check_runs c JOIN engagements e ON e.id = c.engagement_id
         WHERE c.waiting IS NOT NULL AND c.resumed_by IS NULL AND (? IS NULL OR c.engagement_id = ?) ORDER BY c.started_at, c.rowid`,
      )
      .all(engagementId ?? null, engagementId ?? null)
    const out: WaitingRun[] = []
    for (const r of rows) {
      const w = parseWaiting(r.waiting)
      if (w) out.push({ runId: r.id, engagementId: r.engagement_id, domain: r.domain, startedAt: r.started_at, ...w })
    }
    return out
  }
}
