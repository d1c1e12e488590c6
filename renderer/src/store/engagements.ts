import type { Engagement } from '@shared/schemas/engagement'
import type { ErrorInfo } from '@shared/errors'

/** The engagement list as the UI holds it. */
export interface EngagementsState {
  items: Engagement[]
  status: 'idle' | 'loading' | 'loaded' | 'error'
  error: ErrorInfo | null
}

export const initialEngagements: EngagementsState = { items: [], status: 'idle', error: null }

/** Most recently updated first; ties by client name so the order is stable. */
export function sortEngagements(items: readonly Engagement[]): Engagement[] {
  return [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || label(a).localeCompare(label(b)))
}

/** A loading pass began (keeps the items already shown). */
export function loadStarted(s: EngagementsState): EngagementsState {
  return { ...s, status: 'loading' }
}

/** The server answered with the full list. */
export function listLoaded(s: EngagementsState, items: readonly Engagement[]): EngagementsState {
  return { items: sortEngagements(items), status: 'loaded', error: null }
}

/** Loading failed; the previous items stay visible beside the error. */
export function loadFailed(s: EngagementsState, error: ErrorInfo): EngagementsState {
  return { ...s, status: 'error', error }
}

/** A create or update came back: replace the item by id or add it. */
export function upserted(s: EngagementsState, e: Engagement): EngagementsState {
  const rest = s.items.filter((x) => x.id !== e.id)
  return { ...s, items: sortEngagements([...rest, e]) }
}

/** An engagement was removed. */
export function removed(s: EngagementsState, id: string): EngagementsState {
  return { ...s, items: s.items.filter((x) => x.id !== id) }
}

/** What the list shows for an engagement without a client name: its domain. */
export function label(e: Pick<Engagement, 'clientName' | 'domain'>): string {
  return e.clientName.trim() || e.domain
}

/**
 * The quick filter: every whitespace-separated term must appear in the client, founder,
 * domain, a host name, stage or vertical (case-insensitive).
 */
export function filterEngagements(items: readonly Engagement[], query: string): Engagement[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!terms.length) return [...items]
  return items.filter((e) => {
    const hay = [e.clientName, e.founderName, e.founderEmail, e.domain, e.stage, e.vertical, ...e.hosts.map((h) => h.name)].join(' ').toLowerCase()
    return terms.every((t) => hay.includes(t))
  })
}
