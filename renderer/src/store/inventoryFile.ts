import type { InventoryEntry } from '@shared/contract/handover'

/** The format tag of a bundle's inventory.json, which exports share so either imports anywhere. */
export const INVENTORY_FORMAT = 'handover-inventory/1'

/** The export's file name: one per domain. */
export function exportFileName(domain: string): string {
  return `inventory-${domain.replace(/[^\w.-]+/g, '_')}.json`
}

/**
 * The export: the same document as a bundle's inventory.json, so the screen, `handover inventory
 * import` and a bundle's copy all read it.
 */
export function exportDocument(engagement: { clientName: string; domain: string }, items: readonly InventoryEntry[]): string {
  return `${JSON.stringify({ format: INVENTORY_FORMAT, engagement: { client: engagement.clientName, domain: engagement.domain }, entries: items }, null, 2)}\n`
}
