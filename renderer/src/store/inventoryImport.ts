import { inventoryFieldsSchema, type InventoryFields } from '@shared/contract/handover'

/*
 * Reading an import file checks every row with the contract's schema (zod), so this module is
 * loaded by the import action when a file is chosen, never with the app (store/inventory.ts).
 */

const MAX_ROWS = 500

export type ParsedImport = { ok: true; entries: InventoryFields[] } | { ok: false; message: string }

/**
 * Read an import file as the CLI does: a list of rows, or `{ "entries": [...] }` (an export or a
 * bundle's inventory.json). Every row is checked against the contract first, so a bad file is
 * refused whole, with the row and field that are wrong, before anything (a replace) happens.
 * Stored-row keys (id, engagementId, source, updatedAt) are dropped.
 */
export function parseImportFile(text: string): ParsedImport {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { ok: false, message: 'This file is not JSON. Pick an inventory export (inventory-….json) or a bundle\u2019s inventory.json.' }
  }
  const list = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? (doc as { entries?: unknown }).entries : undefined
  if (!Array.isArray(list)) return { ok: false, message: 'No rows found: the file must hold a list of rows, or an object with an "entries" list.' }
  if (!list.length) return { ok: false, message: 'The file holds no rows.' }
  if (list.length > MAX_ROWS) return { ok: false, message: `The file holds ${list.length} rows; at most ${MAX_ROWS} can be imported.` }
  const entries: InventoryFields[] = []
  for (const [i, row] of list.entries()) {
    const r = inventoryFieldsSchema.safeParse(row)
    if (!r.success) {
      const issue = r.error.issues[0]!
      return { ok: false, message: `Row ${i + 1}${issue.path.length ? `, ${issue.path.join('.')}` : ''}: ${issue.message}. Nothing was imported.` }
    }
    entries.push(r.data)
  }
  return { ok: true, entries }
}
