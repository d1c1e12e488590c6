/** A credential's rotation date within this many days counts as "due soon". */
export const ROTATION_SOON_DAYS = 14

export type RotationState = 'overdue' | 'soon'

/**
 * Whether a credential's rotation date has passed ('overdue') or comes within
 * ROTATION_SOON_DAYS ('soon'); null when it has no date, a date that does not parse, or one
 * further out. The vault screen and the engagement list both use this one rule.
 */
export function rotationState(c: { rotationDue: string | null }, now = Date.now()): RotationState | null {
  if (!c.rotationDue) return null
  const due = Date.parse(c.rotationDue)
  if (Number.isNaN(due)) return null
  if (due < now) return 'overdue'
  return due - now < ROTATION_SOON_DAYS * 86_400_000 ? 'soon' : null
}
