import { gzipSync } from 'node:zlib'
import { existsSync, readFileSync } from 'node:fs'
import { AppError } from '@shared/errors'
import { signAnchor, type AnchorSigner } from '../evidence/anchor'
import { verifyChain } from '../evidence/coverage'
import { attachmentPath, storeAttachment } from '../sprint/attachments'
import type { Db } from './db'
import type { Workspace } from '.'
import { logChange } from './changelog'
import { broken, EXPORT_FORMAT, EXPORT_VERSION, readExport, type ExportDoc } from './transfer-read'

export { EXPORT_FORMAT, EXPORT_VERSION, readExport }

/**
 * Tables that never travel: secrets live in a keychain that stays on this machine, and a
 * deletion waiting for Undo is this app's state (an engagement waiting to be deleted cannot be exported anyway).
 */
const LOCAL_ONLY = new Set(['credentials', 'migrations', 'sqlite_sequence', 'engagement_deletions'])

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
  // In rowid order: an import inserts rows in this order, so their new ids keep it.
  if (t.name === 'engagements') return db.prepare('SELECT * FROM engagements WHERE id = ?').all(engagementId) as Record<string, unknown>[]
  if (!('parent' in t.scope)) return db.prepare(`SELECT * FROM "${t.name}" WHERE engagement_id = ? ORDER BY rowid`).all(engagementId) as Record<string, unknown>[]
  const parent = db.prepare(`SELECT ${t.scope.parentKey} FROM "${t.scope.parent}" WHERE engagement_id = ? ORDER BY rowid`).pluck().all(engagementId)
  const stmt = db.prepare(`SELECT * FROM "${t.name}" WHERE "${t.scope.column}" = ? ORDER BY rowid`)
  return parent.flatMap((k) => stmt.all(k) as Record<string, unknown>[])
}

/**
 * Export one engagement as a single gzip'd JSON file: every row that belongs to it (evidence
 * with its hashes, results, sprint, waivers, inventory…), its attachment files, and the chain
 * head signed by the consultant's key (recorded as an anchor here too). Refused when the chain
 * or a table it covers does not verify. Secrets are never in the workspace, so never in the export.
 */
export function exportEngagement(ws: Workspace, ref: string, signer: AnchorSigner): { bytes: Buffer; domain: string; evidence: number } {
  const e = ws.engagements.get(ref)
  // One write transaction: the head signed is the head of the rows read (another process may be appending).
  const doc = ws.db.transaction(() => {
    const verdict = verifyChain(ws.db, ws.evidence, e.id)
    if (!verdict.ok) throw new AppError('conflict', `the evidence does not verify at item ${verdict.seq} (${verdict.reason}); export refused`)
    const anchor = signAnchor(ws.db, { engagementId: e.id, domain: e.domain, seq: verdict.count, head: verdict.head, purpose: 'export', signer })
    const tables: Record<string, Record<string, unknown>[]> = {}
    for (const t of engagementTables(ws.db)) tables[t.name] = rowsOf(ws.db, t, e.id)
    return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), engagement: { id: e.id, domain: e.domain }, chainHead: verdict.head, anchor, tables, attachments: [] as ExportDoc['attachments'] }
  })()
  const files = (doc.tables.attachments ?? []).map((a) => String(a.sha256))
  doc.attachments = [...new Set(files)].map((sha256) => {
    const p = attachmentPath(ws.dir, sha256)
    if (!existsSync(p)) throw new AppError('conflict', `attachment ${sha256.slice(0, 12)} is missing from the workspace`)
    return { sha256, dataBase64: readFileSync(p).toString('base64') }
  })
  return { bytes: gzipSync(JSON.stringify(doc)), domain: e.domain, evidence: (doc.tables.evidence ?? []).length }
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
  const known = new Set(tables.map((t) => t.name))
  for (const name of Object.keys(doc.tables)) if (!known.has(name)) throw broken(`it carries a table this workspace does not have (${name})`)
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

/** What an import reports: the engagement, its evidence, and who signed the head it ends at. */
export interface ImportResult {
  id: string
  domain: string
  evidence: number
  signedBy: { name: string; fingerprint: string; signedAt: string }
}

/**
 * Import an export as hostile input. Before anything is written: bounded reading, every row
 * through its table's schema, the chain and its signed head, attachment hashes, ownership, and
 * no engagement of that domain here yet. Then, in one transaction, the rows are inserted and the
 * whole engagement is verified as `evidence verify` would (every result, verdict, waiver, item
 * state, inventory row and runbook run against the chain; every anchor); attachment files are
 * written last, only when all of that passed. Any failure rolls back and writes nothing.
 */
export async function importEngagement(ws: Workspace, bytes: Uint8Array): Promise<ImportResult> {
  const { doc, anchor } = await readExport(bytes)
  const tables = engagementTables(ws.db)
  checkOwnership(doc, tables)
  const write = ws.db.transaction(() => {
    const existing = ws.db.prepare('SELECT id FROM engagements WHERE id = ? OR domain = ?').get(doc.engagement.id, doc.engagement.domain)
    if (existing) throw new AppError('conflict', `an engagement for ${doc.engagement.domain} is already in this workspace; remove it first or import elsewhere`)
    insertRows(ws.db, doc, tables)
    const v = verifyChain(ws.db, ws.evidence, doc.engagement.id)
    if (!v.ok) throw new AppError('invalid_input', `tampered export: ${v.reason}; nothing was imported`)
    // Letting checks reach private addresses is this machine's decision, never a file's: an import starts with none.
    ws.db.prepare(`UPDATE engagements SET private_targets = '[]' WHERE id = ?`).run(doc.engagement.id)
    for (const a of doc.attachments) storeAttachment(ws.dir, Buffer.from(a.dataBase64, 'base64'))
    logChange(ws.db, doc.engagement.id, 'engagement', 'imported', { domain: doc.engagement.domain, signer: anchor.signer.fingerprint })
    return v.count
  })
  let count: number
  try {
    count = write()
  } catch (e) {
    // A row the schema refuses (a missing required value, a broken reference): the transaction
    // rolled back, so nothing was written; say so instead of failing as an internal error.
    const code = String((e as { code?: unknown }).code ?? '')
    if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || e instanceof RangeError) throw broken((e as Error).message)
    throw e
  }
  return { id: doc.engagement.id, domain: doc.engagement.domain, evidence: count, signedBy: { ...anchor.signer, signedAt: anchor.signedAt } }
}

function insertRows(db: Db, doc: ExportDoc, tables: TableInfo[]): void {
  const evidenceIds = new Map<number, number>()
  for (const t of tables) {
    const rows = doc.tables[t.name] ?? []
    if (!rows.length) continue
    // Columns an older export lacks (e.g. engagements.dkim_selectors, routes) take their defaults.
    const cols = t.columns.filter((c) => !(t.rowid && c === 'id') && rows[0][c] !== undefined)
    const stmt = db.prepare(`INSERT INTO "${t.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
    for (const row of rows) {
      if (t.name === 'check_results' && row.evidence_id != null) row.evidence_id = evidenceIds.get(Number(row.evidence_id)) ?? null
      const r = stmt.run(...cols.map((c) => row[c] as never))
      if (t.name === 'evidence') evidenceIds.set(Number(row.id), Number(r.lastInsertRowid))
    }
  }
}
