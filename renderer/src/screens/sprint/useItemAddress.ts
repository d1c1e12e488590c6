import { useEffect, useRef } from 'react'
import { useActions, useApp } from '../../hooks/useStore'

/**
 * Keep the open item sheet and the address in step: `…/sprint/<itemId>` opens that item's sheet
 * (a link, a reload, Back from a result), and opening or closing a sheet writes the address, so
 * Back closes the sheet it opened instead of leaving the board.
 */
export function useItemAddress(engagementId: string, loaded: boolean): void {
  const routeItem = useApp((s) => (s.ui.route.name === 'sprint' ? (s.ui.route.item ?? null) : null))
  const openId = useApp((s) => s.sprint.openItem)
  const exists = useApp((s) => (routeItem ? !!s.sprint.status?.items.some((x) => x.id === routeItem) : false))
  const { openItem, navigate } = useActions()
  const settled = useRef(false)

  // address → sheet (once the plan is loaded, so the item can be found)
  useEffect(() => {
    if (!loaded) return
    if (routeItem && !exists) return navigate({ name: 'sprint', id: engagementId })
    if (routeItem !== openId) openItem(routeItem)
    settled.current = true
    // only when the address (or the plan's arrival) changes, not when the sheet does
  }, [routeItem, loaded, exists])

  // sheet → address: only when the sheet changed since the last look (never on mount, when
  // this effect would see the value from before the address applied itself)
  const seen = useRef(openId)
  useEffect(() => {
    const changed = seen.current !== openId
    seen.current = openId
    if (!changed || !settled.current || openId === routeItem) return
    navigate(openId ? { name: 'sprint', id: engagementId, item: openId } : { name: 'sprint', id: engagementId })
  }, [openId])
}
