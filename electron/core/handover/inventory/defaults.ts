import { SYSTEM_PURPOSE, SYSTEM_TITLES, type InventoryFields, type SystemKind } from '@shared/contract/handover'

/** Plain-language titles of the standard systems (shared with the renderer's inventory screen). */
export { SYSTEM_TITLES }

/** The default rows for a new engagement: one per standard system, fields left for a person. */
export function defaultEntries(): InventoryFields[] {
  return (Object.keys(SYSTEM_PURPOSE) as Exclude<SystemKind, 'custom'>[]).map((system) => ({
    system,
    name: '',
    purpose: SYSTEM_PURPOSE[system],
    loginUrl: '',
    ownerAccount: '',
    admins: [],
    twoFactor: 'unknown',
    recovery: '',
    credentialLocation: '',
    rotatedBy: '',
    nextRotation: '',
    notes: '',
  }))
}

/** Sort key of a system in tables. */
export function systemOrder(system: SystemKind): number {
  return Object.keys(SYSTEM_TITLES).indexOf(system)
}
