import type { ItemStatus } from './schemas/sprint'
import type { Severity } from './schemas/template'

/** The least an item needs for the verdict: how bad it is and where it stands. */
export interface VerdictItem {
  severity: Severity
  status: ItemStatus
}

/** Statuses that leave an item open: failing, blocked, or not done. */
const OPEN: ReadonlySet<ItemStatus> = new Set(['fail', 'blocked', 'todo', 'doing'])
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The verdict in words, as the PDF's executive summary opens with it and the handover screen shows it. */
export interface SharedVerdict<T extends VerdictItem> {
  ready: boolean
  headline: string
  /** Open launch blockers, in the order given. */
  launchBlockers: T[]
  /** Items that pass with warnings, or are open and not launch blockers. */
  attention: T[]
  /** Items whose risk was accepted (waived). */
  waived: T[]
}

/**
 * Not ready while any launch blocker is open (failing, blocked, or not done); otherwise ready,
 * naming accepted risks and what still needs attention. One function for the PDF and the screen.
 */
export function verdictOf<T extends VerdictItem>(items: readonly T[]): SharedVerdict<T> {
  const launchBlockers = items.filter((i) => i.severity === 'launch-blocker' && OPEN.has(i.status))
  const waived = items.filter((i) => i.status === 'waived')
  const attention = items.filter((i) => i.status === 'attention' || (OPEN.has(i.status) && i.severity !== 'launch-blocker'))
  if (launchBlockers.length) return { ready: false, headline: `Not ready to launch: ${plural(launchBlockers.length, 'launch blocker')} open`, launchBlockers, attention, waived }
  const extras = [waived.length ? plural(waived.length, 'accepted risk') : '', attention.length ? `${plural(attention.length, 'item')} to improve` : ''].filter(Boolean)
  return { ready: true, headline: `Ready to launch${extras.length ? `, with ${extras.join(' and ')}` : ''}`, launchBlockers, attention, waived }
}
