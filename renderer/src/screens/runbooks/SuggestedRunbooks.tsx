import { useActions, useApp } from '../../hooks/useStore'
import { suggestRunbooks } from '../../store/runbooks'
import { useRunbookCatalog } from './useRunbookCatalog'
import './runbooks.css'

/**
 * The runbooks for what is failing: each names the failing checks it covers and starts in
 * guided mode. Nothing failing, or no runbook covers it: nothing is shown.
 */
export function SuggestedRunbooks({ engagementId, failing, own = [], heading = 'Runbooks for this' }: { engagementId: string; failing: string[]; own?: string[]; heading?: string }) {
  const catalog = useRunbookCatalog(engagementId, failing.length > 0)
  const busy = useApp((s) => s.runbooks.busy)
  const { startGuidedRunbook } = useActions()
  const list = suggestRunbooks(failing, catalog, own)
  if (!list.length) return null
  return (
    <div className="suggested-runbooks" data-testid="suggested-runbooks">
      {heading && <h3 className="small muted">{heading}</h3>}
      <ul>
        {list.map((r) => {
          const covers = failing.filter((c) => r.relatedChecks.includes(c))
          return (
            <li key={r.id}>
              <div className="suggested-text">
                <strong>{r.title}</strong>
                {covers.length > 0 && <span className="small muted"> · covers {covers.join(', ')}</span>}
              </div>
              <button type="button" className="btn btn-xs" disabled={busy} onClick={() => void startGuidedRunbook(engagementId, r.id)} aria-label={`Start the runbook ${r.title}`}>
                Start
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
