import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { Engagement } from '@shared/schemas/engagement'
import { logChange } from '../workspace/changelog'
import { FACT } from '../evidence/facts'
import { redact, redactDeep } from '../vault/redact'
import type { Workspace } from '../workspace'
import { previewType, readAttachmentFile, safeName, storeAttachment } from './attachments'
import { readGates } from './gates'
import { blockClocks, planItems, rankRisks, stageProgress, type ItemState, type ItemStatus, type Waiver } from './plan'
import { latestResults } from './results'
import { DEFAULT_TEMPLATE, loadTemplate, resolveTemplate } from './templates'
import type { SprintStatus, SprintRow } from './types'

const HOURS_48 = 48 * 3_600_000
const MAX_WAIVER_DAYS = 366

/** Sprints over the workspace: start the 48-hour clock, settle items, waive, attach evidence. */
export class SprintService {
  constructor(private readonly ws: Workspace) {}

  private get db() {
    return this.ws.db
  }

  /** The engagement's latest sprint, or null. */
  current(engagementId: string): SprintRow | null {
    const r = this.db
      .prepare<[string], SprintRow>('SELECT id, engagement_id AS engagementId, template_id AS templateId, started_at AS startedAt, ends_at AS endsAt, finished_at AS finishedAt FROM sprints WHERE engagement_id = ? ORDER BY started_at DESC LIMIT 1')
      .get(engagementId)
    return r ?? null
  }

  private require(e: Engagement): SprintRow {
    const s = this.current(e.id)
    if (!s) throw new AppError('not_found', `no sprint for ${e.domain} yet: start one first`)
    return s
  }

  start(ref: string, templateId = DEFAULT_TEMPLATE, now = new Date()): SprintStatus {
    const e = this.ws.engagements.get(ref)
    loadTemplate(templateId)
    const cur = this.current(e.id)
    if (cur && !cur.finishedAt) throw new AppError('conflict', `a sprint for ${e.domain} is already running (started ${cur.startedAt}); finish it first`)
    const fact = { sprintId: randomUUID(), templateId, startedAt: now.toISOString(), endsAt: new Date(now.getTime() + HOURS_48).toISOString() }
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO sprints (id, engagement_id, template_id, started_at, ends_at) VALUES (?, ?, ?, ?, ?)').run(fact.sprintId, e.id, templateId, fact.startedAt, fact.endsAt)
      this.ws.evidence.append(e.id, [{ kind: FACT.sprintStarted, label: `Sprint started (${templateId})`, data: fact }])
      logChange(this.db, e.id, 'sprint', 'started', { sprintId: fact.sprintId, templateId })
    })()
    return this.status(e.id, now)
  }

  finish(ref: string, now = new Date()): SprintStatus {
    const e = this.ws.engagements.get(ref)
    const s = this.require(e)
    this.db.transaction(() => {
      const r = this.db.prepare('UPDATE sprints SET finished_at = ? WHERE id = ? AND finished_at IS NULL').run(now.toISOString(), s.id)
      if (!r.changes) return
      this.ws.evidence.append(e.id, [{ kind: FACT.sprintFinished, label: 'Sprint finished', data: { sprintId: s.id, finishedAt: now.toISOString() } }])
      logChange(this.db, e.id, 'sprint', 'finished', { sprintId: s.id })
    })()
    return this.status(e.id, now)
  }

  status(ref: string, now = new Date()): SprintStatus {
    const e = this.ws.engagements.get(ref)
    const sprint = this.require(e)
    const resolved = resolveTemplate(loadTemplate(sprint.templateId), e)
    const gates = readGates(this.db, e.id).get(e.id)
    const items = planItems(resolved, latestResults(this.db, e.id), this.states(sprint.id), this.waivers(sprint.id), now, gates)
    return {
      sprint,
      engagement: e,
      template: { id: resolved.template.id, title: resolved.template.title, notes: resolved.notes },
      thresholds: resolved.thresholds,
      msLeft: Math.max(0, new Date(sprint.endsAt).getTime() - now.getTime()),
      blocks: blockClocks(resolved, sprint.startedAt, now),
      stages: stageProgress(resolved, items),
      items,
      risks: rankRisks(items),
    }
  }

  /** A person's changes to an item: status, owner, notes, fix order, risk note. */
  setItem(ref: string, itemId: string, patch: Partial<Omit<ItemState, 'updatedAt'>>, now = new Date()): SprintStatus {
    const e = this.ws.engagements.get(ref)
    const s = this.require(e)
    const item = this.knownItem(s, itemId)
    if (item.gate && patch.status) throw new AppError('invalid_input', `"${item.title}" is decided from the access inventory: fill in what it names, or waive it with a reason`)
    if (patch.status === 'waived') throw new AppError('invalid_input', 'waive an item with a reason, who accepted the risk, and an expiry date')
    this.db.transaction(() => {
      const cur = this.states(s.id).get(itemId)
      // The item's whole state goes into the chain; the row repeats it (masked the same way).
      const next: ItemState = redactDeep({
        status: patch.status !== undefined ? patch.status : (cur?.status ?? null),
        owner: patch.owner ?? cur?.owner ?? '',
        notes: patch.notes ?? cur?.notes ?? '',
        fixOrder: patch.fixOrder !== undefined ? patch.fixOrder : (cur?.fixOrder ?? null),
        riskNote: patch.riskNote ?? cur?.riskNote ?? '',
        updatedAt: now.toISOString(),
      })
      this.db
        .prepare(
          `INSERT INTO sprint_items (sprint_id, item_id, status, owner, notes, fix_order, risk_note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (sprint_id, item_id) DO UPDATE SET status = excluded.status, owner = excluded.owner, notes = excluded.notes,
           fix_order = excluded.fix_order, risk_note = excluded.risk_note, updated_at = excluded.updated_at`,
        )
        .run(s.id, itemId, next.status, next.owner, next.notes, next.fixOrder, next.riskNote, next.updatedAt)
      this.ws.evidence.append(e.id, [
        { kind: FACT.itemState, label: `Item ${itemId}: ${Object.keys(patch).join(', ') || 'saved'}`, checkId: `item:${itemId}`, status: next.status ?? undefined, data: { sprintId: s.id, itemId, ...next } },
      ])
      logChange(this.db, e.id, 'sprint-item', 'updated', { itemId, fields: Object.keys(patch) })
    })()
    return this.status(e.id, now)
  }

  /** Accept a risk until a date: the item shows as waived, then reopens when the waiver expires. */
  waive(ref: string, itemId: string, w: { reason: string; acceptedBy: string; expiresAt: string }, now = new Date()): SprintStatus {
    const e = this.ws.engagements.get(ref)
    const s = this.require(e)
    this.knownItem(s, itemId)
    const reason = w.reason.trim()
    const acceptedBy = w.acceptedBy.trim()
    const expires = new Date(w.expiresAt)
    if (reason.length < 5) throw new AppError('invalid_input', 'a waiver needs a reason (a sentence the founder will read)')
    if (!acceptedBy) throw new AppError('invalid_input', 'a waiver needs the name of who accepted the risk')
    if (Number.isNaN(expires.getTime())) throw new AppError('invalid_input', `expiry "${w.expiresAt}" is not a date (use YYYY-MM-DD)`)
    if (expires <= now) throw new AppError('invalid_input', 'a waiver must expire in the future')
    if (expires.getTime() - now.getTime() > MAX_WAIVER_DAYS * 86_400_000) throw new AppError('invalid_input', 'a waiver can last at most a year')
    const fact = redactDeep({ sprintId: s.id, itemId, reason, acceptedBy, expiresAt: expires.toISOString(), createdAt: now.toISOString() })
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO waivers (sprint_id, item_id, reason, accepted_by, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(s.id, itemId, fact.reason, fact.acceptedBy, fact.expiresAt, fact.createdAt)
      this.ws.evidence.append(e.id, [{ kind: FACT.waiver, label: `Waiver for ${itemId}`, checkId: `item:${itemId}`, data: fact }])
      logChange(this.db, e.id, 'waiver', 'created', { itemId })
    })()
    return this.status(e.id, now)
  }

  revokeWaiver(ref: string, itemId: string, now = new Date()): SprintStatus {
    const e = this.ws.engagements.get(ref)
    const s = this.require(e)
    this.db.transaction(() => {
      const r = this.db.prepare('UPDATE waivers SET revoked_at = ? WHERE sprint_id = ? AND item_id = ? AND revoked_at IS NULL').run(now.toISOString(), s.id, itemId)
      if (!r.changes) throw new AppError('not_found', `no active waiver on ${itemId}`)
      this.ws.evidence.append(e.id, [{ kind: FACT.waiverRevoked, label: `Waiver for ${itemId} revoked`, checkId: `item:${itemId}`, data: { sprintId: s.id, itemId, revokedAt: now.toISOString() } }])
      logChange(this.db, e.id, 'waiver', 'revoked', { itemId })
    })()
    return this.status(e.id, now)
  }

  /**
   * A person's verdict on an item (manual items, or overriding an automated one), with a note
   * and attachments; the verdict and each attachment's hash become evidence.
   */
  verdict(
    ref: string,
    itemId: string,
    v: { verdict: 'pass' | 'fail'; note?: string; by?: string; attachments?: { name: string; bytes: Uint8Array; mime?: string }[] },
    now = new Date(),
  ): SprintStatus {
    const e = this.ws.engagements.get(ref)
    const s = this.require(e)
    const item = this.knownItem(s, itemId)
    if (item.gate) throw new AppError('invalid_input', `"${item.title}" is decided from the access inventory: fill in what it names, or waive it with a reason`)
    const isManual = !item.checks?.length
    if (isManual && !v.note?.trim() && !v.attachments?.length) {
      throw new AppError('invalid_input', `"${item.title}" is checked by a person: add a note or attach evidence (${item.evidence ?? 'a screenshot'})`)
    }
    const files = (v.attachments ?? []).map((a) => ({ ...storeAttachment(this.ws.dir, a.bytes), name: redact(safeName(a.name)), mime: redact(a.mime || 'application/octet-stream') }))
    this.db.transaction(() => {
      for (const f of files) {
        this.db
          .prepare('INSERT INTO attachments (engagement_id, sprint_id, item_id, name, sha256, size, mime, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(e.id, s.id, itemId, f.name, f.sha256, f.size, f.mime, now.toISOString())
      }
      this.ws.evidence.append(e.id, [
        {
          kind: FACT.verdict,
          label: `${v.verdict === 'pass' ? 'Passed' : 'Failed'}: ${item.title}`,
          checkId: `item:${itemId}`,
          status: v.verdict,
          data: { sprintId: s.id, itemId, verdict: v.verdict, note: v.note ?? '', by: v.by ?? '', attachments: files.map(({ name, sha256, size, mime }) => ({ name, sha256, size, mime })) },
        },
      ])
    })()
    const cur = this.states(s.id).get(itemId)
    const notes = v.note?.trim() ? [cur?.notes, v.note.trim()].filter(Boolean).join('\n') : undefined
    return this.setItem(e.id, itemId, { status: v.verdict, ...(notes !== undefined ? { notes } : {}) }, now)
  }

  attachments(ref: string, itemId?: string): { id: number; itemId: string | null; name: string; sha256: string; size: number; mime: string; createdAt: string }[] {
    const e = this.ws.engagements.get(ref)
    return this.db
      .prepare(
        `SELECT id, item_id AS itemId, name, sha256, size, mime, created_at AS createdAt FROM attachments WHERE engagement_id = ? ${itemId ? 'AND item_id = ?' : ''} ORDER BY id`,
      )
      .all(...(itemId ? [e.id, itemId] : [e.id])) as ReturnType<SprintService['attachments']>
  }

  /** One attachment's bytes (checked against its recorded hash) and, for a raster image told by its bytes, the type to preview it as. */
  readAttachment(ref: string, id: number): { name: string; size: number; sha256: string; previewType: string | null; dataBase64: string } {
    const e = this.ws.engagements.get(ref)
    const row = this.db.prepare<[number, string], { name: string; sha256: string; size: number }>('SELECT name, sha256, size FROM attachments WHERE id = ? AND engagement_id = ?').get(id, e.id)
    if (!row) throw new AppError('not_found', `no attachment ${id} in this engagement`)
    const bytes = readAttachmentFile(this.ws.dir, row.sha256)
    return { name: row.name, size: bytes.byteLength, sha256: row.sha256, previewType: previewType(bytes), dataBase64: bytes.toString('base64') }
  }

  private knownItem(s: SprintRow, itemId: string) {
    const t = loadTemplate(s.templateId)
    const item = t.items.find((i) => i.id === itemId)
    if (!item) throw new AppError('not_found', `no item "${itemId}" in the ${t.id} template`)
    return item
  }

  private states(sprintId: string): Map<string, ItemState> {
    const rows = this.db
      .prepare<[string], ItemState & { itemId: string }>(
        'SELECT item_id AS itemId, status, owner, notes, fix_order AS fixOrder, risk_note AS riskNote, updated_at AS updatedAt FROM sprint_items WHERE sprint_id = ?',
      )
      .all(sprintId)
    return new Map(rows.map((r) => [r.itemId, { ...r, status: r.status as ItemStatus | null }]))
  }

  private waivers(sprintId: string): Waiver[] {
    return this.db
      .prepare<[string], Waiver>(
        'SELECT id, item_id AS itemId, reason, accepted_by AS acceptedBy, expires_at AS expiresAt, created_at AS createdAt, revoked_at AS revokedAt FROM waivers WHERE sprint_id = ? ORDER BY id',
      )
      .all(sprintId)
  }
}
