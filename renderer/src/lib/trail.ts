import type { StoreApi } from 'zustand'
import type { Route } from '../store/ui'
import { hashOfRoute } from '../store/routes'

/** Where the screens were scrolled when the person left them: the page, and an open sheet's body. */
interface Spot {
  content: number
  sheet: number | null
}

/** The screen before this one, with its full address (an evidence screen's filters included). */
let previous: { route: Route; address: string } | null = null
const spots = new Map<string, Spot>()
const MAX_SPOTS = 50
/** Frames to wait for a screen to be tall enough to scroll back (about a second). */
const MAX_FRAMES = 60

const content = () => document.getElementById('content')
const sheetBody = () => document.querySelector<HTMLElement>('[role="dialog"] .sheet-body')

/**
 * Follow route changes: note the screen left (its address and scroll positions, read before the
 * next screen renders), and when the person comes back to it from a result, scroll it back.
 */
export function followRoutes(store: StoreApi<{ ui: { route: Route } }>): () => void {
  return store.subscribe((s, before) => {
    const from = before.ui.route
    const to = s.ui.route
    const key = hashOfRoute(from)
    if (key === hashOfRoute(to)) return
    // a route changed by navigate() still has the old address; one changed by Back has the new one
    const address = window.location.hash.split('&')[0] === key ? window.location.hash : key
    previous = { route: from, address }
    spots.delete(key)
    spots.set(key, { content: content()?.scrollTop ?? 0, sheet: sheetBody()?.scrollTop ?? null })
    if (spots.size > MAX_SPOTS) spots.delete(spots.keys().next().value!)
    if (from.name === 'result') restore(hashOfRoute(to))
  })
}

/** Scroll a screen (and its sheet) back to where it was, once it is tall enough; bounded in frames. */
function restore(key: string): void {
  const spot = spots.get(key)
  if (!spot || typeof requestAnimationFrame === 'undefined') return
  let frames = 0
  const step = () => {
    const c = content()
    const sheet = spot.sheet === null ? null : sheetBody()
    if (c && c.scrollHeight - c.clientHeight >= spot.content) c.scrollTop = spot.content
    if (sheet && sheet.scrollHeight - sheet.clientHeight >= spot.sheet!) sheet.scrollTop = spot.sheet!
    const done = (!c || Math.abs(c.scrollTop - spot.content) < 2) && (spot.sheet === null || (!!sheet && Math.abs(sheet.scrollTop - spot.sheet) < 2))
    if (!done && ++frames < MAX_FRAMES) requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
}

/** The screen the person came from, with its full address. */
export function cameFrom(): { route: Route; address: string } | null {
  return previous
}
