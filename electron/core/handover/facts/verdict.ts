import type { ItemView, Verdict } from './types'

const OPEN = new Set(['fail', 'blocked', 'todo', 'doing'])
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/**
 * The verdict in words: not ready while any launch blocker is open (failing, blocked, or not
 * done); otherwise ready, naming accepted risks and what still needs attention.
 */
export function verdictOf(items: readonly ItemView[]): Verdict {
  const launchBlockers = items.filter((i) => i.severity === 'launch-blocker' && OPEN.has(i.status))
  if (launchBlockers.length) return { ready: false, headline: `Not ready to launch: ${plural(launchBlockers.length, 'launch blocker')} open`, launchBlockers }
  const waived = items.filter((i) => i.status === 'waived').length
  const attention = items.filter((i) => i.status === 'attention' || (OPEN.has(i.status) && i.severity !== 'launch-blocker')).length
  const extras = [waived ? plural(waived, 'accepted risk') : '', attention ? `${plural(attention, 'item')} to improve` : ''].filter(Boolean)
  return { ready: true, headline: `Ready to launch${extras.length ? `, with ${extras.join(' and ')}` : ''}`, launchBlockers }
}
