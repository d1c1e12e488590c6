import { verdictOf as shared } from '@shared/verdict'
import type { ItemView, Verdict } from './types'

/**
 * The verdict in words (shared/verdict.ts, so the handover screen says what the PDF says): not
 * ready while any launch blocker is open; otherwise ready, naming accepted risks and what still
 * needs attention.
 */
export function verdictOf(items: readonly ItemView[]): Verdict {
  const v = shared(items)
  return { ready: v.ready, headline: v.headline, launchBlockers: v.launchBlockers }
}
