/** A command palette entry; `run` is bound by the component from store actions. */
export interface Command {
  id: string
  title: string
  hint?: string
  shortcut?: string
  keywords?: string
}

/**
 * Rank commands for a palette query: all terms must match title/keywords; titles that start
 * with the query come first, then original order.
 */
export function filterCommands<C extends Command>(commands: readonly C[], query: string): C[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...commands]
  const terms = q.split(/\s+/)
  const hits = commands.filter((c) => {
    const hay = `${c.title} ${c.keywords ?? ''} ${c.hint ?? ''}`.toLowerCase()
    return terms.every((t) => hay.includes(t))
  })
  const starts = (c: C) => (c.title.toLowerCase().startsWith(q) ? 0 : 1)
  return hits.map((c, i) => ({ c, i })).sort((a, b) => starts(a.c) - starts(b.c) || a.i - b.i).map((x) => x.c)
}

/** Move a list selection by delta, wrapping around; -1 when the list is empty. */
export function moveSelection(index: number, delta: number, length: number): number {
  if (length <= 0) return -1
  return (((index + delta) % length) + length) % length
}
