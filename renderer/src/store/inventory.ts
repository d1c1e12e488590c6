import type { InventoryEntry, InventoryFields } from '@shared/contract/handover'
import { toErrorInfo, type Transport } from '../transport/types'
import { loadOnUse } from '../lib/loadOnUse'
import { exportDocument, exportFileName } from './inventoryFile'
import { errorsFromIssues, importNote, prefillNote, rowTitle, upsertRow, type InventoryErrors } from './inventoryRows'
import type { SliceApi } from './types'
import type { InventoryState, InventoryActions } from './types/inventory'

export type { InventorySheet, InventoryDialog, InventoryState, ImportMode, InventoryActions } from './types/inventory'

export const initialInventory: InventoryState = { engagementId: null, items: null, error: null, sheet: null, dialog: null, busy: null, note: null }

/** Opening an engagement's inventory: keep its rows while they reload, drop another's. */
export function inventoryOpened(s: InventoryState, engagementId: string): InventoryState {
  const same = s.engagementId === engagementId
  return { ...initialInventory, engagementId, items: same ? s.items : null, note: same ? s.note : null }
}

/** A list arrived; an answer for an engagement no longer open is dropped. */
export function listLoaded(s: InventoryState, engagementId: string, items: InventoryEntry[]): InventoryState {
  return s.engagementId === engagementId ? { ...s, items, error: null } : s
}

/** A row was saved: it takes its place and the sheet closes. */
export function rowSaved(s: InventoryState, e: InventoryEntry): InventoryState {
  return s.engagementId === e.engagementId ? { ...s, items: upsertRow(s.items, e), sheet: null } : s
}

/** A row was removed: gone from the list, dialog closed. */
export function rowRemoved(s: InventoryState, id: string): InventoryState {
  return { ...s, items: (s.items ?? []).filter((e) => e.id !== id), dialog: null }
}

/** A save failed: the sheet stays open with the contract's errors next to its fields. */
export function sheetFailed(s: InventoryState, errors: InventoryErrors): InventoryState {
  return s.sheet ? { ...s, sheet: { ...s.sheet, errors, busy: false } } : s
}

type Api = SliceApi

/** Store actions of the access inventory screen. The inventory records where credentials live, never them. */
export function inventoryActions(transport: Transport, set: Api['setState'], get: Api['getState']): InventoryActions {
  const patch = (f: (v: InventoryState) => InventoryState) => set((s) => ({ inventory: f(s.inventory) }))
  const current = () => get().inventory
  const engagement = () => get().engagements.items.find((e) => e.id === current().engagementId)

  async function runImport(fileName: string, entries: InventoryFields[], replace: boolean): Promise<void> {
    const engagementId = current().engagementId
    if (!engagementId) return
    const before = current().items ?? []
    patch((v) => (v.dialog ? { ...v, dialog: { ...v.dialog, busy: true } } : v))
    try {
      const after = await transport.call('importInventory', { engagementId, entries, replace })
      patch((v) => ({ ...listLoaded(v, engagementId, after), dialog: null, note: importNote(before, after, fileName, entries.length, replace) }))
    } catch (e) {
      const message = toErrorInfo(e).message
      patch((v) => ({ ...v, dialog: { kind: 'import', error: `Could not import ${fileName}: ${message}`, busy: false } }))
    }
  }

  return {
    async loadInventory(engagementId) {
      patch((v) => inventoryOpened(v, engagementId))
      try {
        const items = await transport.call('listInventory', { engagementId })
        patch((v) => listLoaded(v, engagementId, items))
      } catch (e) {
        patch((v) => (v.engagementId === engagementId ? { ...v, items: v.items ?? [], error: toErrorInfo(e) } : v))
      }
    },
    openInventoryRow: (id) => patch((v) => ({ ...v, dialog: null, sheet: id ? { mode: 'edit', id, errors: {}, busy: false } : { mode: 'add', errors: {}, busy: false } })),
    closeInventoryRow: () => patch((v) => ({ ...v, sheet: null })),

    async saveInventoryRow(fields) {
      const { sheet, engagementId } = current()
      if (!sheet || sheet.busy || !engagementId) return false
      patch((v) => (v.sheet ? { ...v, sheet: { ...v.sheet, busy: true, errors: {} } } : v))
      try {
        const saved = await transport.call('saveInventoryEntry', { ...fields, engagementId, id: sheet.mode === 'edit' ? sheet.id : undefined })
        patch((v) => rowSaved(v, saved))
        get().toast({ kind: 'success', title: `${sheet.mode === 'add' ? 'Added' : 'Saved'} ${rowTitle(saved)}` })
        return true
      } catch (e) {
        patch((v) => sheetFailed(v, errorsFromIssues(toErrorInfo(e))))
        return false
      }
    },

    askRemoveInventoryRow(id) {
      const row = current().items?.find((e) => e.id === id)
      if (row) patch((v) => ({ ...v, sheet: null, dialog: { kind: 'remove', id, title: rowTitle(row), busy: false } }))
    },
    openInventoryImport: () => patch((v) => ({ ...v, sheet: null, dialog: { kind: 'import', error: null, busy: false } })),
    closeInventoryDialog: () => patch((v) => ({ ...v, dialog: null })),
    closeInventoryOverlays: () => patch((v) => ({ ...v, dialog: null, sheet: null })),

    async chooseInventoryFile(fileName, text, mode) {
      const parser = await loadOnUse(() => import('./inventoryImport'))
      if (!parser.ok) return patch((v) => ({ ...v, dialog: { kind: 'import', error: `Could not import ${fileName}: ${parser.error.message}`, busy: false } }))
      const parsed = parser.value.parseImportFile(text)
      if (!parsed.ok) return patch((v) => ({ ...v, dialog: { kind: 'import', error: `Could not import ${fileName}: ${parsed.message}`, busy: false } }))
      if (mode === 'replace') return patch((v) => ({ ...v, dialog: { kind: 'replace', fileName, entries: parsed.entries, busy: false } }))
      await runImport(fileName, parsed.entries, false)
    },

    async confirmInventoryDialog() {
      const d = current().dialog
      if (!d || d.busy) return
      if (d.kind === 'replace') return runImport(d.fileName, d.entries, true)
      if (d.kind !== 'remove') return
      patch((v) => ({ ...v, dialog: { ...d, busy: true } }))
      try {
        await transport.call('removeInventoryEntry', { id: d.id })
        patch((v) => rowRemoved(v, d.id))
        get().toast({ kind: 'success', title: `Removed ${d.title}` })
      } catch (e) {
        patch((v) => ({ ...v, dialog: null }))
        get().toast({ kind: 'error', title: `Could not remove ${d.title}`, detail: toErrorInfo(e).message })
      }
    },

    async prefillInventory() {
      const engagementId = current().engagementId
      if (!engagementId || current().busy) return
      const before = current().items ?? []
      patch((v) => ({ ...v, busy: 'prefill', note: null }))
      try {
        const after = await transport.call('prefillInventory', { engagementId })
        patch((v) => ({ ...listLoaded(v, engagementId, after), busy: null, note: v.engagementId === engagementId ? prefillNote(before, after) : v.note }))
      } catch (e) {
        patch((v) => ({ ...v, busy: null }))
        get().toast({ kind: 'error', title: 'Prefill failed', detail: toErrorInfo(e).message })
      }
    },

    exportInventory() {
      const e = engagement()
      const items = current().items
      if (!e || !items) return null
      get().toast({ kind: 'success', title: `Exported ${items.length} rows`, detail: exportFileName(e.domain) })
      return { fileName: exportFileName(e.domain), text: exportDocument(e, items) }
    },
  }
}
