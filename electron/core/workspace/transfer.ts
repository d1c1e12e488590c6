import { gunzipSync, gzipSync } from 'node:zlib'
import { existsSync, readFileSync } from 'node:fs'
import { AppError } from '@shared/errors'
import { GENESIS, linkHash } from '../evidence/store'
import { sha256Hex } from '../evidence/canonical'
import { attachmentPath, storeAttachment } from '../sprint/attachments'
import type { Db } from './db'
import type { Workspace } from '.'
import { logChange } from './changelog'

export const EXPORT_FORMAT = 'handover-engagement'
export const EXPORT_VERSION = 1

/** Tables that never travel: secrets live in a keychain that stays on this machine. */
const LOCAL_ONLY = new Set(['credentials', 'migrations', 'sqlite_sequence'])

interface TableInfo {
  name: string
  columns: string[]
  /** How rows of this table belong to an engagement: a column, or a parent table's key. */
  scope: { column: 'engagement_id' } | { column: string; parent: string; parentKey: string }
  /** An INTEGER PRIMARY KEY named id, renumbered on import. */
  rowid: boolean
}

/** Every table with rows that belong to one engagement, parents before children. */
export function engagementTables(db: Db): TableInfo[] {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  const infos = new Map<string, TableInfo>()
  const deps = new Map<string, string[]>()
  for (const name of names) {
    if (LOCAL_ONLY.has(name)) continue
    const cols = db.prepare(`PRAGMA table_info(${JSON.stringify(name)})`).all() as { name: string; type: string; pk: number }[]
    const fks = db.prepare(`PRAGMA foreign_key_list(${JSON.stringify(name)})`).all() as { table: string; from: string; to: string }[]
    const columns = cols.map((c) => c.name)
    const rowid = cols.some((c) => c.name === 'id' && c.pk === 1 && c.type.toUpperCase() === 'INTEGER')
    let scope: TableInfo['scope'] | undefined
    if (name === 'engagements') scope = { column: 'id', parent: '', parentKey: '' }
    else if (columns.includes('engagement_id')) scope = { column: 'engagement_id' }
    else {
      const fk = fks.find((f) => f.table !== 'engagements')
      if (fk) scope = { column: fk.from, parent: fk.table, parentKey: fk.to }
    }
    if (!scope) continue
    infos.set(name, { name, columns, scope, rowid })
    deps.set(name, fks.map((f) => f.table).filter((t) => t !== name))
  }
  const ordered: TableInfo[] = []
  const seen = new Set<string>()
  const visit = (n: string) => {
    if (seen.has(n) || !infos.has(n)) return
    seen.add(n)
    for (const d of deps.get(n) ?? []) visit(d)
    ordered.push(infos.get(n)!)
  }
  // Evidence first after engagements: results point at evidence ids, which are renumbered.
  for (const n of ['engagements', 'evidence', ...infos.keys()]) visit(n)
  return ordered.filter((t) => !('parent' in t.scope) || t.scope.parent === '' || infos.has(t.scope.parent))
}

function rowsOf(db: Db, t: TableInfo, engagementId: string): Record<string, unknown>[] {
  if (t.name === 'engagements') return db.prepare('SELECT * FROM engagements WHERE id = ?').all(engagementId) as Record<string, unknown>[]
  if (!('parent' in t.scope)) return db.prepare(`SELECT * FROM "${t.name}" WHERE engagement_id = ?`).all(engagementId) as Record<string, unknown>[]
  const parent = db.prepare(`SELECT ${t.scope.parentKey} FROM "${t.scope.parent}" WHERE engagement_id = ?`).pluck().all(engagementId)
  const stmt = db.prepare(`SELECT * FROM "${t.name}" WHERE "${t.scope.column}" = ?`)
  return parent.flatMap((k) => stmt.all(k) as Record<string, unknown>[])
}

/**
 * Export one engagement as a single gzip'd JSON file: every row that belongs to it (evidence
 * with its hashes, results, sprint, waivers, inventory…) and its attachment files. Secrets are
 * never in the workspace, so never in the export.
 */
export function exportEngagement(ws: Workspace, ref: string): { bytes: Buffer; domain: string; evidence: number } {
  const e = ws.engagements.get(ref)
  const verdict = ws.evidence.verify(e.id)
  if (!verdict.ok) throw new AppError('conflict', `the evidence chain is broken at item ${verdict.seq} (${verdict.reason}); export refused`)
  const tables: Record<string, Record<string, unknown>[]> = {}
  for (const t of engagementTables(ws.db)) tables[t.name] = rowsOf(ws.db, t, e.id)
  const files = (tables.attachments ?? []).map((a) => String(a.sha256))
  const attachments = [...new Set(files)].map((sha256) => {
    const p = attachmentPath(ws.dir, sha256)
    if (!existsSync(p)) throw new AppError('conflict', `attachment ${sha256.slice(0, 12)} is missing from the workspace`)
    return { sha256, dataBase64: readFileSync(p).toString('base64') }
  })
  const doc = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), engagement: { id: e.id, domain: e.domain }, chainHead: verdict.head, tables, attachments }
  return { bytes: gzipSync(JSON.stringify(doc)), domain: e.domain, evidence: verdict.count }
}

interface ExportDoc {
  format: string
  version: number
  engagement: { id: string; domain: string }
  chainHead: string
  tables: Record<string, Record<string, unknown>[]>
  attachments: { sha256: string; dataBase64: string }[]
}

/** Parse and verify an export before anything is written: chain, head and every file's hash. */
export function readExport(bytes: Uint8Array): ExportDoc {
  let doc: ExportDoc
  try {
    doc = JSON.parse(gunzipSync(bytes).toString('utf8'))
  } catch {
    throw new AppError('invalid_input', 'this is not a Handover Console engagement export (not gzip’d JSON)')
  }
  if (doc?.format !== EXPORT_FORMAT) throw new AppError('invalid_input', 'this is not a Handover Console engagement export')
  if (doc.version > EXPORT_VERSION) throw new AppError('invalid_input', `export format v${doc.version} is newer than this app understands (v${EXPORT_VERSION})`)
  checkShape(doc)
  const evidence = [...(doc.tables.evidence ?? [])].sort((a, b) => Number(a.seq) - Number(b.seq))
  let prev = GENESIS
  evidence.forEach((row, i) => {
    if (Number(row.seq) !== i + 1) throw new AppError('invalid_input', `tampered export: evidence item ${i + 1} is missing`)
    if (row.prev_hash !== prev || linkHash(prev, String(row.body)) !== row.hash) {
      throw new AppError('invalid_input', `tampered export: evidence item ${row.seq} does not match its hash; nothing was imported`)
    }
    prev = String(row.hash)
  })
  if (prev !== doc.chainHead) throw new AppError('invalid_input', 'tampered export: the evidence chain was cut short; nothing was imported')
  for (const a of doc.attachments) {
    if (sha256Hex(Buffer.from(a.dataBase64, 'base64')) !== a.sha256) throw new AppError('invalid_input', `tampered export: attachment ${a.sha256.slice(0, 12)} does not match its hash`)
  }
  return doc
}

const broken = (what: string) => new AppError('invalid_input', `this engagement export is damaged: ${what}; nothing was imported`)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The export's structure, before any of it is trusted: lists where lists belong, plain cell values. */
function checkShape(doc: ExportDoc): void {
  if (!isRecord(doc.engagement) || typeof doc.engagement.id !== 'string' || typeof doc.engagement.domain !== 'string') throw broken('no engagement id and domain')
  if (typeof doc.chainHead !== 'string') throw broken('no evidence chain head')
  if (!isRecord(doc.tables)) throw broken('no tables')
  for (const [name, rows] of Object.entries(doc.tables)) {
    if (!Array.isArray(rows) || !rows.every(isRecord)) throw broken(`table ${name} is not a list of rows`)
    for (const row of rows) {
      for (const v of Object.values(row)) if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw broken(`table ${name} holds a value that is not text, a number or null`)
    }
  }
  if (!Array.isArray(doc.attachments) || !doc.attachments.every((a) => isRecord(a) && typeof a.sha256 === 'string' && typeof a.dataBase64 === 'string')) {
    throw broken('the attachment list is not a list of files')
  }
}

/**
 * Every row must belong to the engagement being imported: directly (engagement_id, or the
 * engagement row itself) or through a parent row of this same export. Otherwise a crafted
 * export could write into another engagement already in the workspace.
 */
function checkOwnership(doc: ExportDoc, tables: TableInfo[]): void {
  const id = doc.engagement.id
  const keys = new Map<string, Set<unknown>>()
  const keysOf = (table: string, column: string) => {
    const k = `${table}.${column}`
    if (!keys.has(k)) keys.set(k, new Set((doc.tables[table] ?? []).map((r) => r[column])))
    return keys.get(k)!
  }
  for (const t of tables) {
    for (const row of doc.tables[t.name] ?? []) {
      const owned =
        t.name === 'engagements'
          ? row.id === id
          : !('parent' in t.scope)
            ? row.engagement_id === id
            : keysOf(t.scope.parent, t.scope.parentKey).has(row[t.scope.column])
      if (!owned) throw broken(`a row of ${t.name} belongs to another engagement`)
    }
  }
}

/** Import a verified export into this workspace (refusing a domain that is already here). */
export function importEngagement(ws: Workspace, bytes: Uint8Array): { id: string; domain: string; evidence: number } {
  const doc = readExport(bytes)
  const tables = engagementTables(ws.db)
  checkOwnership(doc, tables)
  const existing = ws.db.prepare('SELECT id FROM engagements WHERE id = ? OR domain = ?').get(doc.engagement.id, doc.engagement.domain)
  if (existing) throw new AppError('conflict', `an engagement for ${doc.engagement.domain} is already in this workspace; remove it first or import elsewhere`)
  for (const a of doc.attachments) storeAttachment(ws.dir, Buffer.from(a.dataBase64, 'base64'))
  const write = ws.db.transaction(() => {
    const evidenceIds = new Map<number, number>()
    for (const t of tables) {
      const rows = doc.tables[t.name] ?? []
      if (!rows.length) continue
      // Columns an older export lacks (e.g. engagements.dkim_selectors, routes) take their defaults;
      // columns this workspace lacks (a newer export) are left out.
      const cols = t.columns.filter((c) => !(t.rowid && c === 'id') && rows[0][c] !== undefined)
      const stmt = ws.db.prepare(`INSERT INTO "${t.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      for (const row of rows) {
        if (t.name === 'check_results' && row.evidence_id != null) row.evidence_id = evidenceIds.get(Number(row.evidence_id)) ?? null
        const r = stmt.run(...cols.map((c) => row[c] as never))
        if (t.name === 'evidence') evidenceIds.set(Number(row.id), Number(r.lastInsertRowid))
      }
    }
    // Letting checks reach private addresses is this machine's decision, never a file's: an import starts with none.
    ws.db.prepare(`UPDATE engagements SET private_targets = '[]' WHERE id = ?`).run(doc.engagement.id)
    logChange(ws.db, doc.engagement.id, 'engagement', 'imported', { domain: doc.engagement.domain })
  })
  try {
    write()
  } catch (e) {
    // A row the schema refuses (a missing required value, a broken reference): the transaction
    // rolled back, so nothing was written; say so instead of failing as an internal error.
    const code = String((e as { code?: unknown }).code ?? '')
    if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || e instanceof RangeError) throw broken((e as Error).message)
    throw e
  }
  const v = ws.evidence.verify(doc.engagement.id)
  return { id: doc.engagement.id, domain: doc.engagement.domain, evidence: v.count }
}
