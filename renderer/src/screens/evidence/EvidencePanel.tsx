import { useActions, useApp } from '../../hooks/useStore'
import { fullDate } from '../../lib/format'
import { Icon } from '../../components/Icon'
import { EvidenceBody } from '../results/EvidenceBody'
import { StatusTag } from '../results/StatusTag'
import { ErrorBanner } from '../../components/ErrorBanner'
import { EvidenceFiles } from './EvidenceFiles'

/** The open evidence item beside the list: its data, hashes, and a way to its result. */
export function EvidencePanel({ engagementId }: { engagementId: string }) {
  const open = useApp((s) => s.evidence.open)
  const err = useApp((s) => s.evidence.openError)
  const { closeEvidence, openLatestResult } = useActions()
  if (!open && !err) return null
  return (
    <aside className="ev-panel card" aria-labelledby="ev-panel-title" data-testid="evidence-panel">
      <div className="ev-panel-head">
        <h2 id="ev-panel-title" className="card-title">
          {open ? open.label : 'Evidence item'}
        </h2>
        <button type="button" className="icon-btn" aria-label="Close the evidence item" onClick={closeEvidence}>
          <Icon name="close" />
        </button>
      </div>
      {err && (
        <ErrorBanner>{err.message}</ErrorBanner>
      )}
      {open && (
        <>
          <dl className="facts">
            <dt>Kind</dt>
            <dd className="mono">{open.kind}</dd>
            <dt>Recorded</dt>
            <dd>{fullDate(open.createdAt)}</dd>
            {open.checkId && (
              <>
                <dt>Check</dt>
                <dd className="mono">
                  {open.checkId} <StatusTag status={open.status} />
                </dd>
                <dt>Target</dt>
                <dd className="mono">{open.target}</dd>
              </>
            )}
            <dt>Sequence</dt>
            <dd className="mono">#{open.seq}</dd>
          </dl>
          {open.checkId && open.target && (
            <button type="button" className="btn" onClick={() => void openLatestResult(engagementId, open.checkId!, open.target!)}>
              Open the latest result of this check
            </button>
          )}
          <EvidenceFiles engagementId={engagementId} evidenceId={open.id} data={open.data} />
          <EvidenceBody data={open.data} />
          <p className="small muted hash">
            SHA-256 <span className="mono">{open.hash}</span>
            <br />
            Previous <span className="mono">{open.prevHash}</span>
          </p>
        </>
      )}
    </aside>
  )
}
