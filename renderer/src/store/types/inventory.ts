import type { InventoryEntry, InventoryFields } from '@shared/contract/handover'
import type { InventoryErrors } from '../inventoryRows'
import type { ErrorInfo } from '@shared/errors'

/** The add/edit sheet, when open. */
export type InventorySheet = { mode: 'add'; errors: InventoryErrors; busy: boolean } | { mode: 'edit'; id: string; errors: InventoryErrors; busy: boolean }

/** The dialog above the screen: remove a row, pick a file to import, confirm a replace. */
export type InventoryDialog =
  | { kind: 'remove'; id: string; title: string; busy: boolean }
  | { kind: 'import'; error: string | null; busy: boolean }
  | { kind: 'replace'; fileName: string; entries: InventoryFields[]; busy: boolean }

/** The access inventory of one engagement, and what is open above it. */
export interface InventoryState {
  engagementId: string | null
  items: InventoryEntry[] | null
  error: ErrorInfo | null
  sheet: InventorySheet | null
  dialog: InventoryDialog | null
  busy: 'prefill' | null
  /** What the last prefill or import did, in words. */
  note: string | null
}

export type ImportMode = 'merge' | 'replace'

export interface InventoryActions {
  loadInventory(engagementId: string): Promise<void>
  /** Open the sheet to add a row, or to edit the row with this id. */
  openInventoryRow(id: string | null): void
  closeInventoryRow(): void
  /** Save the open sheet's fields; true when saved. */
  saveInventoryRow(fields: InventoryFields): Promise<boolean>
  askRemoveInventoryRow(id: string): void
  openInventoryImport(): void
  /** A file was picked: merge at once, or ask before a replace. */
  chooseInventoryFile(fileName: string, text: string, mode: ImportMode): Promise<void>
  closeInventoryDialog(): void
  /** Confirm the open dialog: remove the row, or replace the inventory. */
  confirmInventoryDialog(): Promise<void>
  prefillInventory(): Promise<void>
  /** The inventory as a JSON document to download, or null (after a toast) when there is none. */
  exportInventory(): { fileName: string; text: string } | null
  /** Close the sheet and any dialog (the screen is leaving). */
  closeInventoryOverlays(): void
}
