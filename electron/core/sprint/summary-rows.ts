import type { Statement } from 'better-sqlite3'
import type { Engagement } from '@shared/schemas/engagement'
import type { Db } from '../workspace/db'
import type { ItemState, ItemStatus, Waiver } from './plan'
import type { SprintRow } from './types'

/** Everything the engagement list's summaries read, in one query per table for all engagements. */
export interface SummaryRows {
  engagements: Pick<Engagement, 'id' | 'stage' | 'vertical'>[]
  /** The latest sprint per engagement id (what SprintService.current returns). */
  sprints: Map<string, SprintRow>
  /** Per sprint id: a person's item states (only what the ranking reads). */
  states: Map<string, Map<string, ItemState>>
  /** Per sprint id: waivers not revoked. */
  waivers: Map<string, Waiver[]>
  /** Per engagement id: when its last check run ended. */
  lastRun: Map<string, string>
  credentials: { id: string; label: string; engagementId: string; rotationDue: string | null; expiresAt: string | null }[]
}

// Each engagement's latest sprint, as SprintService.current picks it.
const CURRENT = `WITH cur AS (SELECT s.* FROM sprints s WHERE s.started_at = (SELECT MAX(started_at) FROM sprints WHERE engagement_id = s.engagement_id))`

const SQL = {
  engagements: 'SELECT id, stage, vertical FROM engagements ORDER BY updated_at DESC, id',
  sprints: `${CURRENT} SELECT id, engagement_id AS engagementId, template_id AS templateId, started_at AS startedAt, ends_at AS endsAt, finished_at AS finishedAt FROM cur ORDER BY started_at`,
  states: `${CURRENT} SELECT i.sprint_id AS sprintId, i.item_id AS itemId, i.status, i.fix_order AS fixOrder, i.updated_at AS updatedAt
    FROM sprint_items i JOIN cur ON cur.id = i.sprint_id`,
  waivers: `${CURRENT} SELECT w.sprint_id AS sprintId, w.id, w.item_id AS itemId, w.expires_at AS expiresAt, w.created_at AS createdAt
    FROM waivers w JOIN cur ON cur.id = w.sprint_id WHERE w.revoked_at IS NULL`,
  lastRun: 'SELECT engagement_id AS e, MAX(finished_at) AS at FROM check_runs WHERE finished_at IS NOT NULL AND origin IS NULL GROUP BY engagement_id',
  credentials: `SELECT id, label, engagement_id AS engagementId, rotation_due AS rotationDue, expires_at AS expiresAt FROM credentials
    WHERE engagement_id IS NOT NULL AND (rotation_due IS NOT NULL OR expires_at IS NOT NULL)`,
}

type Prepared = { [K in keyof typeof SQL]: Statement<[], unknown> }
const prepared = new WeakMap<Db, Prepared>()

function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>()
  for (const r of rows) {
    const list = m.get(key(r))
    if (list) list.push(r)
    else m.set(key(r), [r])
  }
  return m
}

/** Read the summaries' inputs (except check results: see ./tallies) in one read transaction. */
export function readSummaryRows(db: Db): SummaryRows {
  let q = prepared.get(db)
  if (!q) prepared.set(db, (q = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare<[], unknown>(sql)])) as Prepared))
  const p = q
  return db.transaction((): SummaryRows => {
    // ordered by start time, so a later sprint of the same engagement (a tie is vanishingly rare) wins
    const sprints = new Map((p.sprints.all() as SprintRow[]).map((s) => [s.engagementId, s]))
    type StateRow = { sprintId: string; itemId: string; status: ItemStatus | null; fixOrder: number | null; updatedAt: string }
    const states = new Map(
      [...group(p.states.all() as StateRow[], (r) => r.sprintId)].map(([id, rows]) => [
        id,
        new Map(rows.map((r): [string, ItemState] => [r.itemId, { status: r.status, owner: '', notes: '', fixOrder: r.fixOrder, riskNote: '', updatedAt: r.updatedAt }])),
      ]),
    )
    type WaiverRow = Pick<Waiver, 'id' | 'itemId' | 'expiresAt' | 'createdAt'> & { sprintId: string }
    const waivers = new Map(
      [...group(p.waivers.all() as WaiverRow[], (r) => r.sprintId)].map(([id, rows]) => [
        id,
        rows.map(({ sprintId: _s, ...w }): Waiver => ({ ...w, reason: '', acceptedBy: '', revokedAt: null })),
      ]),
    )
    return {
      engagements: p.engagements.all() as SummaryRows['engagements'],
      sprints,
      states,
      waivers,
      lastRun: new Map((p.lastRun.all() as { e: string; at: string }[]).map((r) => [r.e, r.at])),
      credentials: p.credentials.all() as SummaryRows['credentials'],
    }
    // a read snapshot only: it must not wait for (or block) another process's write
  }).deferred()
}
