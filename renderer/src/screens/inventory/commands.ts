import type { AppActions } from '../../store'
import type { Command } from '../../store/commands'
import { downloadBytes } from '../../components/download'

/** Export the open inventory as a JSON download (the same document a bundle's inventory.json holds). */
export function downloadInventory(a: Pick<AppActions, 'exportInventory'>): void {
  const f = a.exportInventory()
  if (f) downloadBytes(f.fileName, new TextEncoder().encode(f.text), 'application/json')
}

/** Access inventory actions for the command palette. */
export function inventoryCommands(a: AppActions): (Command & { run(): void })[] {
  return [
    { id: 'inventory-add', title: 'Add a system to the inventory', keywords: 'inventory row new access', run: () => a.openInventoryRow(null) },
    { id: 'inventory-prefill', title: 'Prefill the inventory from checks and credentials', keywords: 'inventory evidence fill', run: () => void a.prefillInventory() },
    { id: 'inventory-import', title: 'Import an inventory file…', keywords: 'inventory json merge replace upload', run: a.openInventoryImport },
    { id: 'inventory-export', title: 'Export the inventory as JSON', keywords: 'inventory download save', run: () => downloadInventory(a) },
  ]
}
