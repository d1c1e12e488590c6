import { useEffect } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { fullDate } from '../../lib/format'

/**
 * Credentials of this engagement whose rotation date has passed or comes within two weeks
 * (shared/rotation.ts), with the way to the vault where they are rotated. Nothing when none.
 */
export function RotationAlert({ engagementId }: { engagementId: string }) {
  const due = useApp((s) => s.summaries.byId[engagementId]?.rotation)
  const { loadSummaries, navigate } = useActions()
  useEffect(() => void loadSummaries(), [loadSummaries, engagementId])
  if (!due?.length) return null
  const overdue = due.filter((d) => d.state === 'overdue')
  return (
    <div className={`banner ${overdue.length ? 'banner-error' : 'banner-warn'} rotation-alert`} role="status" data-testid="rotation-alert">
      <span>
        <strong>{overdue.length ? `Rotation overdue: ${overdue.length} credential${overdue.length === 1 ? '' : 's'}` : 'Rotation due soon'}</strong>
        {' — '}
        {due.map((d, i) => (
          <span key={d.id}>
            {i > 0 && '; '}
            {d.label} ({d.expires ? (d.state === 'overdue' ? 'token expired' : 'token expires') : d.state === 'overdue' ? 'was due' : 'due'} {fullDate(d.rotationDue)})
          </span>
        ))}
      </span>
      <button type="button" className="btn btn-xs" onClick={() => navigate({ name: 'vault', id: engagementId })}>
        Rotate in the vault
      </button>
    </div>
  )
}
