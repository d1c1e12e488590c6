import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import { inventoryFieldsSchema, type InventoryEntry, type InventoryFields, type InventorySource } from '@shared/contract/handover'
import type { Db } from '../../workspace/db'
import { logChange } from '../../workspace/changelog'
import { redactDeep } from '../../vault/redact'
import { defaultEntries, systemOrder } from './defaults'
import { EvidenceStore } from '../../evidence/store'
import { FACT, type InventoryChange, type InventoryRowFact } from '../../evidence/facts'

interface Row {
  id: string
  engagement_id: string
  system: string
  name: string
  position: number
  fields: string
  source: string
  updated_at: string
}

function toEntry(r: Row): InventoryEntry {
  const fields = inventoryFieldsSchema.parse(JSON.parse(r.fields))
  return { ...fields, id: r.id, engagementId: r.engagement_id, source: r.source as InventorySource, updatedAt: r.updated_at }
}

/**
 * The access inventory of each engagement. A new engagement gets the standard rows once; after
 * that a person's edits (and removals) stick. Values pass through the redaction registry so a
 * pasted secret never lands here.
 */
export class InventoryRepo {
  private readonly evidence: EvidenceStore
  constructor(private readonly db: Db) {
    this.evidence = new EvidenceStore(db)
  }

  /** Every change goes into the engagement's evidence chain with the row it leaves (evidence verify compares them). */
  private chain(engagementId: string, label: string, changes: InventoryChange[]): void {
    if (changes.length) this.evidence.append(engagementId, [{ kind: FACT.inventory, label, data: { changes } }])
  }

  /** Every row of an engagement, standard systems first; seeds the defaults on first use. */
  list(engagementId: string): InventoryEntry[] {
    this.seed(engagementId)
    const rows = this.db.prepare<[string], Row>('SELECT * FROM inventory_entries WHERE engagement_id = ? ORDER BY position, name').all(engagementId)
    return rows.map(toEntry)
  }

  get(id: string): InventoryEntry {
    const r = this.db.prepare<[string], Row>('SELECT * FROM inventory_entries WHERE id = ?').get(id)
    if (!r) throw new AppError('not_found', `no inventory entry "${id}"`)
    return toEntry(r)
  }

  /** Add a row, or replace the row with this id. */
  save(engagementId: string, fields: InventoryFields, opts: { id?: string; source?: InventorySource } = {}): InventoryEntry {
    this.seed(engagementId)
    const clean = redactDeep(inventoryFieldsSchema.parse(fields), { fieldNames: false })
    const now = new Date().toISOString()
    const id = opts.id ?? randomUUID()
    const existing = opts.id ? this.db.prepare<[string], Row>('SELECT * FROM inventory_entries WHERE id = ?').get(opts.id) : undefined
    if (opts.id && !existing) throw new AppError('not_found', `no inventory entry "${opts.id}"`)
    if (existing && existing.engagement_id !== engagementId) throw new AppError('invalid_input', 'that inventory entry belongs to another engagement')
    const position = systemOrder(clean.system) * 1000 + (existing ? existing.position % 1000 : this.nextSlot(engagementId, clean.system))
    const entry: InventoryRowFact = { id, system: clean.system, name: clean.name, position, fields: clean, source: opts.source ?? 'manual', updatedAt: now }
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO inventory_entries (id, engagement_id, system, name, position, fields, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET system = excluded.system, name = excluded.name, position = excluded.position, fields = excluded.fields, source = excluded.source, updated_at = excluded.updated_at`,
        )
        .run(id, engagementId, entry.system, entry.name, position, JSON.stringify(clean), entry.source, now)
      this.chain(engagementId, `Inventory: ${clean.system}${clean.name ? ` (${clean.name})` : ''} ${existing ? 'changed' : 'added'}`, [{ op: 'set', entry }])
      logChange(this.db, engagementId, 'inventory', existing ? 'updated' : 'added', { id, system: clean.system })
    })()
    return this.get(id)
  }

  remove(id: string): { id: string } {
    const e = this.get(id)
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM inventory_entries WHERE id = ?').run(id)
      this.chain(e.engagementId, `Inventory: ${e.system}${e.name ? ` (${e.name})` : ''} removed`, [{ op: 'remove', id }])
      logChange(this.db, e.engagementId, 'inventory', 'removed', { id, system: e.system })
    })()
    return { id }
  }

  /**
   * Import rows (from JSON). Merge: a row with the same system and name (or an unnamed standard
   * row of that system) is replaced; others are added. `replace` clears the inventory first, so
   * the inventory becomes exactly the file's rows. A row the import itself wrote is never matched
   * again: a file holding both an unnamed and a named row of one system keeps both.
   */
  import(engagementId: string, entries: (InventoryFields & { id?: string })[], replace = false): InventoryEntry[] {
    return this.db.transaction(() => {
      if (replace) {
        this.seed(engagementId)
        const ids = this.db.prepare<[string], string>('SELECT id FROM inventory_entries WHERE engagement_id = ? ORDER BY position, id').pluck().all(engagementId)
        this.db.prepare('DELETE FROM inventory_entries WHERE engagement_id = ?').run(engagementId)
        this.chain(engagementId, 'Inventory: cleared for a replacing import', ids.map((id) => ({ op: 'remove', id })))
      }
      const written = new Set<string>()
      for (const { id: _ignored, ...fields } of entries) {
        const match = replace ? undefined : this.findMatch(engagementId, fields, written)
        written.add(this.save(engagementId, fields, { id: match?.id, source: 'import' }).id)
      }
      return this.list(engagementId)
    })()
  }

  /** The row an incoming (system, name) pair should replace, if any (rows in `skip` never are). */
  findMatch(engagementId: string, f: Pick<InventoryFields, 'system' | 'name'>, skip: ReadonlySet<string> = new Set()): InventoryEntry | undefined {
    const same = this.list(engagementId).filter((e) => e.system === f.system && !skip.has(e.id))
    return same.find((e) => e.name.toLowerCase() === f.name.toLowerCase()) ?? (f.system !== 'custom' ? same.find((e) => e.name === '') : undefined)
  }

  private nextSlot(engagementId: string, system: string): number {
    const n = this.db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM inventory_entries WHERE engagement_id = ? AND system = ?').get(engagementId, system)
    return Math.min(999, n?.n ?? 0)
  }

  private seed(engagementId: string): void {
    const done = this.db.prepare<[string], { engagement_id: string }>('SELECT engagement_id FROM inventory_seeded WHERE engagement_id = ?').get(engagementId)
    if (done) return
    const exists = this.db.prepare<[string], { id: string }>('SELECT id FROM engagements WHERE id = ?').get(engagementId)
    if (!exists) throw new AppError('not_found', `no engagement "${engagementId}"`)
    const now = new Date().toISOString()
    const insert = this.db.prepare('INSERT INTO inventory_entries (id, engagement_id, system, name, position, fields, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    this.db.transaction(() => {
      // Another process may have seeded it since the check above (this one waited for the lock).
      if (this.db.prepare('SELECT 1 FROM inventory_seeded WHERE engagement_id = ?').get(engagementId)) return
      const entries: InventoryRowFact[] = defaultEntries().map((f) => ({ id: randomUUID(), system: f.system, name: f.name, position: systemOrder(f.system) * 1000, fields: f, source: 'default', updatedAt: now }))
      for (const r of entries) insert.run(r.id, engagementId, r.system, r.name, r.position, JSON.stringify(r.fields), r.source, now)
      this.db.prepare('INSERT INTO inventory_seeded (engagement_id, seeded_at) VALUES (?, ?)').run(engagementId, now)
      this.chain(engagementId, 'Inventory: the standard rows', entries.map((entry) => ({ op: 'set', entry })))
    })()
  }
}
