import { useState } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { label } from '../../store/engagements'
import type { Route } from '../../store/ui'
import { cameFrom } from '../../lib/trail'
import { Icon } from '../../components/Icon'

const SCREENS: Partial<Record<Route['name'], string>> = {
  evidence: 'Evidence',
  pictures: 'Pictures',
  runbooks: 'Runbooks',
  runbook: 'Runbook',
  vault: 'Vault',
  inventory: 'Access inventory',
  handover: 'Handover',
}

/**
 * The "‹ …" link above a result: back to where the person opened it from, named as that place
 * (an item's sheet by its title, the board, the evidence with its filters, the dashboard), with
 * the scroll as they left it. Opened from a link or a reload, it leads to the evidence.
 */
export function ResultBack({ engagementId }: { engagementId: string }) {
  const [from] = useState(() => {
    const f = cameFrom()
    return f && 'id' in f.route && f.route.id === engagementId && f.route.name !== 'result' ? f : null
  })
  const itemId = from?.route.name === 'sprint' ? from.route.item : undefined
  const itemTitle = useApp((s) => (itemId ? s.sprint.status?.items.find((i) => i.id === itemId)?.title : undefined))
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const { navigate } = useActions()
  const evidence = `#/engagements/${encodeURIComponent(engagementId)}/evidence`
  const name = !from
    ? 'Evidence'
    : from.route.name === 'sprint'
      ? itemId
        ? (itemTitle ?? 'Sprint item')
        : 'Sprint board'
      : from.route.name === 'engagement'
        ? e
          ? `${label(e)} dashboard`
          : 'Dashboard'
        : (SCREENS[from.route.name] ?? 'Back')
  return (
    <a
      href={from?.address ?? evidence}
      className="back"
      data-testid="result-back"
      data-from={from?.route.name === 'sprint' ? (itemId ? 'item' : 'board') : (from?.route.name ?? 'evidence')}
      onClick={(x) => {
        x.preventDefault()
        // the full address: an item's sheet opens again, the evidence keeps its filters
        if (from) window.location.hash = from.address
        else navigate({ name: 'evidence', id: engagementId })
      }}
    >
      <Icon name="back" /> {name}
    </a>
  )
}
