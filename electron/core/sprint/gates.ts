import type { InventoryFields } from '@shared/contract/handover'
import { SYSTEM_TITLES, type SystemKind } from '@shared/systems'
import type { Gate } from '@shared/schemas/template'
import type { Db } from '../workspace/db'
import type { GateResult } from './plan'

/** Systems every web product has: each needs a named owner. */
const ALWAYS: readonly SystemKind[] = ['registrar', 'dns', 'hosting']
/** Systems that need a named owner once the inventory shows them in use. */
const WHEN_USED: readonly SystemKind[] = ['cdn', 'database', 'email-sending', 'mailboxes', 'monitoring', 'source-repo', 'payments']

/** What the owners gate reads of an inventory row. */
export type OwnerRow = Pick<InventoryFields, 'system' | 'name' | 'loginUrl' | 'ownerAccount' | 'admins' | 'credentialLocation'>

/** A row that says the product uses this system (a name, a login, admins or a credential recorded). */
export function inUse(r: OwnerRow): boolean {
  return !!(r.name || r.loginUrl || r.admins.length || r.ownerAccount || r.credentialLocation)
}

/** Whether a row is a launch-critical system that must name an owner. */
export function needsOwner(r: OwnerRow): boolean {
  return ALWAYS.includes(r.system) || (WHEN_USED.includes(r.system) && inUse(r))
}

/**
 * The `inventory-owners` gate: fails while a launch-critical system has no owner account.
 * Registrar, DNS and hosting are required even when the inventory has no row for them. Until
 * anything is recorded in the inventory it is still to do (a fresh sprint has not failed it).
 */
export function ownersGate(rows: readonly OwnerRow[]): GateResult {
  if (!rows.some(inUse)) return { status: 'todo', summary: 'The access inventory is not filled in yet: name the owner of the registrar, DNS and hosting' }
  const missing: string[] = []
  for (const s of ALWAYS) if (!rows.some((r) => r.system === s)) missing.push(SYSTEM_TITLES[s])
  for (const r of rows) if (needsOwner(r) && !r.ownerAccount.trim()) missing.push(`${SYSTEM_TITLES[r.system]}${r.name ? ` (${r.name})` : ''}`)
  const list = [...new Set(missing)]
  return list.length
    ? { status: 'fail', summary: `No owner recorded for ${list.join(', ')}` }
    : { status: 'pass', summary: 'Every launch-critical system in the access inventory names an owner' }
}

const SQL = `SELECT engagement_id AS engagementId, system, name, json_extract(fields, '$.loginUrl') AS loginUrl,
  json_extract(fields, '$.ownerAccount') AS ownerAccount, json_array_length(json_extract(fields, '$.admins')) AS admins,
  json_extract(fields, '$.credentialLocation') AS credentialLocation
  FROM inventory_entries WHERE engagement_id = ? OR ? IS NULL`

interface Raw {
  engagementId: string
  system: SystemKind
  name: string
  loginUrl: string | null
  ownerAccount: string | null
  admins: number | null
  credentialLocation: string | null
}

/**
 * Every gate's result per engagement (one engagement, or all with `null`), read without seeding
 * the inventory: an engagement whose inventory was never opened fails on registrar, DNS, hosting.
 */
export function readGates(db: Db, engagementId: string | null): Map<string, Map<Gate, GateResult>> {
  const rows = db.prepare<[string | null, string | null], Raw>(SQL).all(engagementId, engagementId)
  const by = new Map<string, OwnerRow[]>()
  for (const r of rows) {
    const list = by.get(r.engagementId) ?? []
    list.push({ system: r.system, name: r.name, loginUrl: r.loginUrl ?? '', ownerAccount: r.ownerAccount ?? '', admins: Array.from({ length: r.admins ?? 0 }, () => ''), credentialLocation: r.credentialLocation ?? '' })
    by.set(r.engagementId, list)
  }
  const out = new Map<string, Map<Gate, GateResult>>()
  for (const [id, list] of by) out.set(id, new Map([['inventory-owners', ownersGate(list)]]))
  if (engagementId && !out.has(engagementId)) out.set(engagementId, new Map([['inventory-owners', ownersGate([])]]))
  return out
}

/** The gates of engagements readGates found nothing for (no inventory rows yet). */
export const EMPTY_GATES: ReadonlyMap<Gate, GateResult> = new Map([['inventory-owners', ownersGate([])]])
