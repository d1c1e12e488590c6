import type { InventoryEntry, InventoryFields, InventorySource } from '@shared/contract/handover'
import { SYSTEM_KINDS, SYSTEM_TITLES, type SystemKind } from '@shared/systems'
import type { ErrorInfo } from '@shared/errors'
import { rotationState, type RotationState } from '@shared/rotation'

export type InventoryField = keyof InventoryFields
export type InventoryErrors = Partial<Record<InventoryField | 'form', string>>

const FIELDS: readonly InventoryField[] = ['system', 'name', 'purpose', 'loginUrl', 'ownerAccount', 'admins', 'twoFactor', 'recovery', 'credentialLocation', 'rotatedBy', 'nextRotation', 'notes']

/** An empty row of a system, for "Add a row". */
export function blankFields(system: SystemKind = 'custom'): InventoryFields {
  return { system, name: '', purpose: '', loginUrl: '', ownerAccount: '', admins: [], twoFactor: 'unknown', recovery: '', credentialLocation: '', rotatedBy: '', nextRotation: '', notes: '' }
}

/** The editable fields of a stored row (what the form edits and a save sends back). */
export function fieldsOf(e: InventoryEntry): InventoryFields {
  const out = blankFields(e.system)
  for (const k of FIELDS) (out as Record<string, unknown>)[k] = k === 'admins' ? [...e.admins] : e[k]
  return out
}

/** Add typed admins (one or several, comma separated) to the list, skipping blanks and repeats. */
export function addAdmins(list: readonly string[], typed: string): string[] {
  const next = [...list]
  for (const raw of typed.split(/[,\n]/)) {
    const a = raw.trim()
    if (a && !next.some((x) => x.toLowerCase() === a.toLowerCase())) next.push(a)
  }
  return next
}

/** "Domain registrar — Gandi": how a row is named in buttons, dialogs and notes. */
export function rowTitle(e: Pick<InventoryFields, 'system' | 'name'>): string {
  return e.name ? `${SYSTEM_TITLES[e.system]} \u2014 ${e.name}` : SYSTEM_TITLES[e.system]
}

/** How a row came to be, in a few words a person understands. */
export const SOURCE_LABELS: Record<InventorySource, string> = {
  default: 'standard row',
  evidence: 'prefilled from checks',
  import: 'imported',
  manual: 'entered by hand',
}

/**
 * Map a failed save onto form fields. Issue paths are field names, or "admins.3" for one
 * admin; anything that names no field goes to "form".
 */
export function errorsFromIssues(err: ErrorInfo): InventoryErrors {
  const out: InventoryErrors = {}
  for (const issue of err.issues ?? []) {
    const key = FIELDS.find((f) => f === issue.path.split('.')[0]) ?? 'form'
    out[key] = out[key] ? `${out[key]}; ${issue.message}` : issue.message
  }
  if (!Object.keys(out).length) out.form = err.message
  return out
}

/** Insert or replace a row, keeping the systems in the PDF's order (rows of one system stay in place). */
export function upsertRow(items: InventoryEntry[] | null, e: InventoryEntry): InventoryEntry[] {
  const list = items ?? []
  const next = list.some((x) => x.id === e.id) ? list.map((x) => (x.id === e.id ? e : x)) : [...list, e]
  // Array.prototype.sort is stable: within a system, the existing order holds
  return next.sort((a, b) => SYSTEM_KINDS.indexOf(a.system) - SYSTEM_KINDS.indexOf(b.system))
}

export interface SystemGroup {
  system: SystemKind
  title: string
  rows: InventoryEntry[]
}

/** Rows grouped by system in the order the handover PDF prints them. */
export function groupBySystem(items: readonly InventoryEntry[]): SystemGroup[] {
  return SYSTEM_KINDS.map((system) => ({ system, title: SYSTEM_TITLES[system], rows: items.filter((e) => e.system === system) })).filter((g) => g.rows.length > 0)
}

/** Whether anyone (a person, a check, an import) recorded something in a row beyond its purpose. */
export function isRecorded(e: InventoryFields): boolean {
  return !!(e.name || e.loginUrl || e.ownerAccount || e.admins.length || e.twoFactor !== 'unknown' || e.recovery || e.credentialLocation || e.rotatedBy || e.nextRotation || e.notes)
}

/** 'empty': no rows at all; 'untouched': only the standard rows, nothing recorded; else 'started'. */
export function inventoryPhase(items: readonly InventoryEntry[]): 'empty' | 'untouched' | 'started' {
  if (!items.length) return 'empty'
  return items.every((e) => e.source === 'default' && !isRecorded(e)) ? 'untouched' : 'started'
}

/** Whether a row's next rotation has passed or comes within two weeks (the vault's rule). */
export function rowRotation(e: Pick<InventoryFields, 'nextRotation'>, now = Date.now()): RotationState | null {
  return rotationState({ rotationDue: e.nextRotation || null }, now)
}

/** The counts the screen's summary line shows. */
export function inventoryCounts(items: readonly InventoryEntry[], now = Date.now()) {
  return {
    rows: items.length,
    recorded: items.filter(isRecorded).length,
    twoFactorOff: items.filter((e) => e.twoFactor === 'off').length,
    overdue: items.filter((e) => rowRotation(e, now) === 'overdue').length,
    soon: items.filter((e) => rowRotation(e, now) === 'soon').length,
  }
}

const filled = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== '' && v !== 'unknown')

/** What a prefill did, from the rows before and after: fields filled, rows touched or added. */
export function prefillNote(before: readonly InventoryEntry[], after: readonly InventoryEntry[]): string {
  let fields = 0
  let rows = 0
  for (const e of after) {
    const old = before.find((x) => x.id === e.id)
    const n = FIELDS.filter((k) => filled(e[k]) && !(old && filled(old[k]))).length
    fields += n
    if (n) rows++
  }
  if (!fields) {
    return 'Nothing new to prefill: the latest check results and credentials add nothing to what is recorded. Run the audit from the sprint board, or add provider credentials in the Vault, then try again.'
  }
  return `Filled ${fields} empty ${fields === 1 ? 'field' : 'fields'} in ${rows} ${rows === 1 ? 'row' : 'rows'} from the latest check results and credential metadata. Nothing a person typed was changed; check what was found and add what checks cannot know (recovery, 2FA, where credentials live).`
}

/** What an import did. */
export function importNote(before: readonly InventoryEntry[], after: readonly InventoryEntry[], fileName: string, incoming: number, replace: boolean): string {
  const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`
  if (replace) return `Replaced the inventory with the ${rows(after.length)} of ${fileName}.`
  const added = after.filter((e) => !before.some((x) => x.id === e.id)).length
  return `Merged ${rows(incoming)} from ${fileName}: ${added} added, ${incoming - added} updated. The inventory now has ${rows(after.length)}.`
}
