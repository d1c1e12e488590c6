import { useEffect } from 'react'
import { useApp } from './useStore'
import { windowTitle } from '../lib/title'

/** document.title follows the screen; in Electron the window's title follows document.title. */
export function useWindowTitle(): void {
  const route = useApp((s) => s.ui.route)
  const items = useApp((s) => s.engagements.items)
  const detail = useApp((s) =>
    s.ui.route.name === 'result' && s.result.data?.id === s.ui.route.resultId
      ? `${s.result.data.checkId} on ${s.result.data.target}`
      : s.ui.route.name === 'runbook' && s.runbooks.view?.run.id === s.ui.route.runId
        ? s.runbooks.view.runbook.title
        : undefined,
  )
  useEffect(() => {
    document.title = windowTitle(route, (id) => items.find((e) => e.id === id)?.domain, detail)
  }, [route, items, detail])
}
