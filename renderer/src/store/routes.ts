import type { Route } from './ui'

/**
 * Every screen has an address, so any of them can be linked, reloaded and reached with Back and
 * Forward: `#/engagements`, `#/engagements/<id>`, `#/engagements/<id>/sprint`, `…/evidence`,
 * `…/pictures`, `…/runbooks`, `…/runbooks/<runId>`, `…/vault`, `…/inventory`, `…/handover`,
 * `…/results/<resultId>`, `…/sprint/<itemId>` (the board with an item's sheet open) and `#/settings`. Anything else is not a route (null).
 */
export function routeFromHash(hash: string): Route | null {
  // anything after `&` is not part of the route
  const h = hash.split('&')[0]!
  if (h === '#/settings') return { name: 'settings' }
  if (h === '#/engagements' || h === '#/engagements/') return { name: 'engagements' }
  const m = /^#\/engagements\/([^/?#&]+)(?:\/(sprint|evidence|pictures|runbooks|vault|inventory|handover|results\/(\d+)|runbooks\/([^/?#&]+)|sprint\/([^/?#&]+)))?\/?$/.exec(h)
  if (!m) return null
  const id = decodeURIComponent(m[1]!)
  if (m[5]) return { name: 'sprint', id, item: decodeURIComponent(m[5]) }
  const screen = m[2]
  if (screen === 'sprint' || screen === 'evidence' || screen === 'pictures' || screen === 'runbooks' || screen === 'vault' || screen === 'inventory' || screen === 'handover') return { name: screen, id }
  if (m[4]) return { name: 'runbook', id, runId: decodeURIComponent(m[4]) }
  if (m[3]) return { name: 'result', id, resultId: Number(m[3]) }
  return { name: 'engagement', id }
}

/** The address of a route. */
export function hashOfRoute(r: Route): string {
  switch (r.name) {
    case 'engagements':
      return '#/engagements'
    case 'settings':
      return '#/settings'
    case 'engagement':
      return `#/engagements/${encodeURIComponent(r.id)}`
    case 'result':
      return `#/engagements/${encodeURIComponent(r.id)}/results/${r.resultId}`
    case 'sprint':
      return `#/engagements/${encodeURIComponent(r.id)}/sprint${r.item ? `/${encodeURIComponent(r.item)}` : ''}`
    case 'runbook':
      return `#/engagements/${encodeURIComponent(r.id)}/runbooks/${encodeURIComponent(r.runId)}`
    default:
      return `#/engagements/${encodeURIComponent(r.id)}/${r.name}`
  }
}

/**
 * How to bring the address in step with the route: nothing when it already matches; `replace`
 * for the first write of a session (the address the app was opened with is not a step back);
 * `push` for every later navigation, so Back and Forward walk the screens.
 */
export function addressStep(wroteBefore: boolean, want: string, now: string): 'none' | 'replace' | 'push' {
  // the same screen with its filters (after `&`) is already the address
  if (want === now || want === now.split('&')[0]) return 'none'
  return wroteBefore ? 'push' : 'replace'
}
