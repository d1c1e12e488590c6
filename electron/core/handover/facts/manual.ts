import { FACT } from '../../evidence/facts'
import type { Workspace } from '../../workspace'
import { hasTable } from '../results'
import type { ItemView } from './types'

/** A file a person attached as evidence, shipped in the bundle under `path`. */
export interface AttachmentView {
  itemId: string
  name: string
  /** The file's name in the bundle (flat, safe characters, unique by hash). */
  path: string
  sha256: string
  size: number
  mime: string
  createdAt: string
}

/** A manual item (a person's verdict) with who decided, their note, and the files attached. */
export interface ManualView {
  itemId: string
  title: string
  severity: ItemView['severity']
  status: ItemView['status']
  by: string
  at: string
  note: string
  attachments: AttachmentView[]
}

/** The bundle file name of an attachment: "attachment-<hash prefix>-<name>", plain characters only. */
export function attachmentFileName(sha256: string, name: string): string {
  const clean = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80) || 'file'
  return `attachment-${sha256.slice(0, 12)}-${clean}`
}

/** Every attachment of the engagement, oldest first. */
export function attachmentViews(ws: Workspace, engagementId: string): AttachmentView[] {
  if (!hasTable(ws.db, 'attachments')) return []
  return ws.db
    .prepare<[string], { itemId: string | null; name: string; sha256: string; size: number; mime: string; createdAt: string }>(
      'SELECT item_id AS itemId, name, sha256, size, mime, created_at AS createdAt FROM attachments WHERE engagement_id = ? ORDER BY id',
    )
    .all(engagementId)
    .map((a) => ({ ...a, itemId: a.itemId ?? '', path: attachmentFileName(a.sha256, a.name) }))
}

/** Manual items with the latest person's verdict on each (from the evidence chain) and their files. */
export function manualViews(ws: Workspace, engagementId: string, items: readonly ItemView[], attachments: readonly AttachmentView[]): ManualView[] {
  const verdicts = new Map<string, { by: string; at: string; note: string }>()
  if (hasTable(ws.db, 'evidence')) {
    const ids = ws.db.prepare<[string, string], { id: number }>('SELECT id FROM evidence WHERE engagement_id = ? AND kind = ? ORDER BY seq').all(engagementId, FACT.verdict)
    for (const { id } of ids) {
      const e = ws.evidence.get(id)
      const d = (e?.data ?? {}) as { itemId?: unknown; by?: unknown; note?: unknown }
      if (e && typeof d.itemId === 'string') verdicts.set(d.itemId, { by: typeof d.by === 'string' ? d.by : '', at: e.createdAt, note: typeof d.note === 'string' ? d.note : '' })
    }
  }
  return items
    .filter((i) => i.manual)
    .map((i) => {
      const v = verdicts.get(i.itemId)
      return { itemId: i.itemId, title: i.title, severity: i.severity, status: i.status, by: v?.by ?? '', at: v?.at ?? '', note: v?.note ?? '', attachments: attachments.filter((a) => a.itemId === i.itemId) }
    })
}
