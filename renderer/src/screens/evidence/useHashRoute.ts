import { useEffect } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { hashOfRoute, routeFromHash } from '../../store/evidence'

/**
 * Keep the address fragment and the route in step, so screens can be linked and reloaded:
 * `#/engagements/<id>`, `#/engagements/<id>/evidence`, `#/engagements/<id>/results/<n>`.
 * Reads the fragment at start and on hashchange; writes it (without a history entry) on navigation.
 */
export function useHashRoute(): void {
  const route = useApp((s) => s.ui.route)
  const ready = useApp((s) => s.ready)
  const { navigate } = useActions()
  useEffect(() => {
    const apply = () => {
      const r = routeFromHash(window.location.hash)
      if (r) navigate(r)
    }
    apply()
    window.addEventListener('hashchange', apply)
    return () => window.removeEventListener('hashchange', apply)
  }, [navigate])
  useEffect(() => {
    if (!ready) return
    const want = hashOfRoute(route)
    const now = window.location.hash
    // only touch fragments that are routes: a #token=… handoff is the transport's business
    if (want && want !== now) history.replaceState(null, '', want)
    else if (!want && routeFromHash(now)) history.replaceState(null, '', window.location.pathname + window.location.search)
  }, [route, ready])
}
