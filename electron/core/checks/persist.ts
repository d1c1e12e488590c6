import type { Db } from '../workspace/db'
import type { EvidenceStore } from '../evidence/store'
import type { CheckOutcome } from './types'
import { redactDeep } from '../vault/redact'
import { FACT } from '../evidence/facts'

export interface FinishedCheck {
  checkId: string
  target: string
  outcome: CheckOutcome
  durationMs: number
  finishedAt: string
}

export interface StoredResult {
  id: number
  runId: string
  engagementId: string
  checkId: string
  target: string
  status: string
  summary: string
  details: Record<string, unknown>
  durationMs: number
  evidenceId: number | null
  finishedAt: string
}

interface ResultRow {
  id: number
  run_id: string
  engagement_id: string
  check_id: string
  target: string
  status: string
  summary: string
  details: string
  duration_ms: number
  evidence_id: number | null
  finished_at: string
}

export function toResult(r: ResultRow): StoredResult {
  return {
    id: r.id,
    runId: r.run_id,
    engagementId: r.engagement_id,
    checkId: r.check_id,
    target: r.target,
    status: r.status,
    summary: r.summary,
    details: JSON.parse(r.details) as Record<string, unknown>,
    durationMs: r.duration_ms,
    evidenceId: r.evidence_id,
    finishedAt: r.finished_at,
  }
}

/** Check runs and results in the workspace database. */
export class CheckStore {
  constructor(
    private readonly db: Db,
    private readonly evidence: EvidenceStore,
  ) {}

  startRun(id: string, engagementId: string, startedAt: string, total: number, origin: 'runbook' | null = null): void {
    this.db.prepare(`INSERT INTO check_runs (id, engagement_id, started_at, status, total, origin) VALUES (?, ?, ?, 'running', ?, ?)`).run(id, engagementId, startedAt, total, origin)
  }

  finishRun(id: string, finishedAt: string, cancelled: boolean): void {
    this.db.prepare(`UPDATE check_runs SET finished_at = ?, status = ?, cancelled = ? WHERE id = ?`).run(finishedAt, cancelled ? 'cancelled' : 'done', cancelled ? 1 : 0, id)
  }

  /**
   * Store a batch of finished checks in one transaction: each result's evidence (a summary item
   * first, then the raw observations) and the result row pointing at its first evidence item.
   */
  saveBatch(runId: string, engagementId: string, batch: FinishedCheck[]): number[] {
    return this.saveResults(runId, engagementId, batch).map((r) => r.id)
  }

  /** saveBatch, with each result's first evidence item id (what getResult(id).evidenceId reads back). */
  saveResults(runId: string, engagementId: string, batch: FinishedCheck[]): { id: number; evidenceId: number | null }[] {
    const insert = this.db.prepare(
      `INSERT INTO check_results (run_id, engagement_id, check_id, target, status, summary, details, duration_ms, evidence_id, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    return this.db.transaction(() =>
      batch.map((f) => {
        const { status, summary, details = {}, evidence = [] } = f.outcome
        const tag = { checkId: f.checkId, target: f.target, status }
        // Secrets never reach the database: masked once, and the row repeats exactly what the
        // chain holds (evidence verify compares them).
        const fact = redactDeep({ status, summary, details, durationMs: f.durationMs, runId, finishedAt: f.finishedAt })
        const items = [
          { kind: FACT.result, label: `${f.checkId} ${f.target}: ${status}`, ...tag, data: fact },
          ...evidence.map((e) => ({ kind: e.kind, label: e.label, ...tag, data: e.data })),
        ]
        const ids = this.evidence.append(engagementId, items)
        const evidenceId = ids[0] ?? null
        const r = insert.run(runId, engagementId, f.checkId, f.target, status, fact.summary, JSON.stringify(fact.details), Math.round(f.durationMs), evidenceId, f.finishedAt)
        return { id: Number(r.lastInsertRowid), evidenceId }
      }),
    )()
  }

  /** The latest result per check × target for an engagement, or every result of one run. */
  listResults(engagementId: string, runId?: string): StoredResult[] {
    const rows = runId
      ? this.db.prepare<[string, string], ResultRow>('SELECT * FROM check_results WHERE engagement_id = ? AND run_id = ? ORDER BY check_id, target').all(engagementId, runId)
      : this.db
          .prepare<[string], ResultRow>(
            `SELECT r.* FROM check_results r JOIN (SELECT MAX(id) AS id FROM check_results WHERE engagement_id = ? GROUP BY check_id, target) m ON r.id = m.id ORDER BY r.check_id, r.target`,
          )
          .all(engagementId)
    return rows.map(toResult)
  }

  getResult(id: number): StoredResult | undefined {
    const r = this.db.prepare<[number], ResultRow>('SELECT * FROM check_results WHERE id = ?').get(id)
    return r && toResult(r)
  }

  /** Evidence item ids recorded for one result: its first item and the contiguous items after it. */
  evidenceIds(result: StoredResult, max = 1000): number[] {
    if (result.evidenceId == null) return []
    const rows = this.db
      .prepare<[string, number, number], { id: number; kind: string; check_id: string | null; target: string | null }>(
        'SELECT id, kind, check_id, target FROM evidence WHERE engagement_id = ? AND id >= ? ORDER BY id LIMIT ?',
      )
      .all(result.engagementId, result.evidenceId, max)
    const ids: number[] = []
    for (const r of rows) {
      if (ids.length && (r.kind === 'check.result' || r.check_id !== result.checkId || r.target !== result.target)) break
      ids.push(r.id)
    }
    return ids
  }

  getRun(id: string): { id: string; engagementId: string; startedAt: string; finishedAt: string | null; status: string; cancelled: boolean; total: number } | undefined {
    const r = this.db
      .prepare<[string], { id: string; engagement_id: string; started_at: string; finished_at: string | null; status: string; cancelled: number; total: number }>('SELECT * FROM check_runs WHERE id = ?')
      .get(id)
    return r && { id: r.id, engagementId: r.engagement_id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, cancelled: !!r.cancelled, total: r.total }
  }
}
