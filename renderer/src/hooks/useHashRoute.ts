import { useEffect, useRef } from 'react'
import { useActions, useApp, useStoreApi } from './useStore'
import { addressStep, hashOfRoute, routeFromHash } from '../store/routes'

/**
 * Keep the address fragment and the route in step, so every screen can be linked, reloaded and
 * reached with Back and Forward. Reads the fragment at start and whenever the browser moves
 * through history (popstate, hashchange); writes it when the route changes: the first write
 * replaces the opening entry, later navigations push one. A route that came from the address
 * already matches it, so applying it never pushes again.
 */
export function useHashRoute(): void {
  const route = useApp((s) => s.ui.route)
  const ready = useApp((s) => s.ready)
  const { navigate } = useActions()
  const store = useStoreApi()
  const wrote = useRef(false)
  useEffect(() => {
    const apply = () => {
      const r = routeFromHash(window.location.hash)
      // popstate and hashchange both fire for one step back: navigate once
      if (r && hashOfRoute(r) !== hashOfRoute(store.getState().ui.route)) navigate(r)
    }
    apply()
    window.addEventListener('popstate', apply)
    window.addEventListener('hashchange', apply)
    return () => {
      window.removeEventListener('popstate', apply)
      window.removeEventListener('hashchange', apply)
    }
  }, [navigate, store])
  useEffect(() => {
    if (!ready) return
    const want = hashOfRoute(route)
    const step = addressStep(wrote.current, want, window.location.hash)
    if (step === 'push') history.pushState(null, '', want)
    else if (step === 'replace') history.replaceState(null, '', want)
    if (step !== 'none' || want === window.location.hash) wrote.current = true
  }, [route, ready])
}
