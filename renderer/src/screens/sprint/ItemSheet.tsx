import { createPortal } from 'react-dom'
import { useState } from 'react'
import type { PlanItem } from '@shared/schemas/sprint'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { useActions, useApp } from '../../hooks/useStore'
import { useDiscardGuard } from '../../hooks/useDiscardGuard'
import type { PendingFile } from './files'
import { StatusBadge } from './StatusBadge'
import { VerdictForm } from './VerdictForm'
import { SuggestedRunbooks } from '../runbooks/SuggestedRunbooks'
import { failingChecks } from '../../store/runbooks'

/** One sprint item opened: why, how to fix, its results, owner and notes, waiver, verdict. */
export function ItemSheet({ staged, onStaged }: { staged: PendingFile[]; onStaged(f: PendingFile[]): void }) {
  const item = useApp((s) => s.sprint.status?.items.find((x) => x.id === s.sprint.openItem))
  if (!item) return null
  // outside the shell, which App makes inert while this is open
  return createPortal(<Sheet key={item.id} item={item} staged={staged} onStaged={onStaged} />, document.body)
}

/** Failing results first, then warnings, then the rest; by check and host within each. */
const RANK: Record<string, number> = { fail: 0, error: 1, warn: 2, skip: 3, pass: 4 }
const byConcern = (a: PlanItem['results'][number], b: PlanItem['results'][number]) =>
  (RANK[a.status] ?? 3) - (RANK[b.status] ?? 3) || a.checkId.localeCompare(b.checkId) || a.target.localeCompare(b.target)

function Sheet({ item, staged, onStaged }: { item: PlanItem; staged: PendingFile[]; onStaged(f: PendingFile[]): void }) {
  const { openItem, updateItem, askWaive, revokeWaiver, runSprint, navigate } = useActions()
  const engagementId = useApp((s) => s.sprint.engagementId)
  const running = useApp((s) => s.run?.state === 'running')
  const [owner, setOwner] = useState(item.owner)
  const [notes, setNotes] = useState(item.notes)
  const [verdictNote, setVerdictNote] = useState('')
  const dirty = owner !== item.owner || notes !== item.notes
  const close = () => (openItem(null), onStaged([]))
  // unsaved owner/notes, a verdict note or staged files: closing asks first
  const guard = useDiscardGuard(dirty || !!verdictNote.trim() || staged.length > 0, close)
  return (
    <Modal labelledBy="item-title" onClose={guard.requestClose} variant="sheet">
    <div className="sheet-form">
      <div className="sheet-header">
        <div>
          <h2 id="item-title">{item.title}</h2>
          <p className="small muted">
            <StatusBadge status={item.status} /> {item.severity} severity ·{' '}
            {item.manual ? 'manual check' : item.gate ? 'decided from the access inventory' : `${item.checks.length} automated check(s)`}
          </p>
        </div>
        <button type="button" className="icon-btn" aria-label="Close" onClick={guard.requestClose}>
          <Icon name="close" />
        </button>
      </div>
      <div className="sheet-body stack">
        <p>{item.why}</p>
        {item.gateSummary && item.status !== 'waived' && (
          <p className={`banner${item.status === 'fail' ? ' banner-error' : ''}`}>
            {item.gateSummary}.{' '}
            {item.status === 'fail' && engagementId && (
              <button type="button" className="btn btn-xs" onClick={() => (openItem(null), navigate({ name: 'inventory', id: engagementId }))}>
                Open the access inventory
              </button>
            )}
          </p>
        )}
        <p>
          <strong>Fix: </strong>
          {item.fix}
        </p>
        {engagementId && item.status === 'fail' && (
          <SuggestedRunbooks engagementId={engagementId} failing={failingChecks(item.results)} />
        )}
        {item.waiver && (
          <p className={`banner${item.waiverExpired ? ' banner-error' : ''}`}>
            {item.waiverExpired ? 'Waiver expired' : 'Waived'} until {item.waiver.expiresAt.slice(0, 10)} by {item.waiver.acceptedBy}: {item.waiver.reason}
          </p>
        )}
        {item.results.length > 0 && (
          <ul className="results sheet-results" aria-label="Latest results">
            {[...item.results].sort(byConcern).map((r) => (
              <li key={`${r.checkId}@${r.target}`}>
                <StatusBadge status={r.status} />
                <span className="mono small">{r.checkId}</span>
                <span className="mono small muted">{r.target}</span>
                {r.resultId !== undefined && engagementId && (
                  <button
                    type="button"
                    className="btn btn-xs btn-ghost"
                    aria-label={`Evidence for ${r.checkId} on ${r.target}`}
                    // the sheet stays open underneath: Back from the result returns to it
                    onClick={() => navigate({ name: 'result', id: engagementId, resultId: r.resultId! })}
                  >
                    Evidence
                  </button>
                )}
                <span className="small result-summary">{r.summary}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="row-2">
          <label className="field">
            <span>Owner</span>
            <input className="input" value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="Who fixes this?" />
          </label>
        </div>
        <label className="field">
          <span>Notes for the team</span>
          <textarea className="input" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        {dirty && (
          <button type="button" className="btn" onClick={() => void updateItem(item.id, { owner, notes })}>
            Save owner and notes
          </button>
        )}
        {item.manual && <VerdictForm itemId={item.id} staged={staged} onStaged={onStaged} note={verdictNote} onNote={setVerdictNote} />}
      </div>
      {guard.prompt}
      <div className="sheet-footer">
        {item.checks.length > 0 && (
          <button type="button" className="btn" disabled={running} onClick={() => void runSprint({ itemId: item.id })}>
            Run this item
          </button>
        )}
        {item.waiver && !item.waiver.revokedAt ? (
          <button type="button" className="btn btn-danger-ghost" onClick={() => void revokeWaiver(item.id)}>
            Revoke waiver
          </button>
        ) : (
          item.status !== 'pass' && (
            <button type="button" className="btn" onClick={() => askWaive(item.id)} aria-keyshortcuts="W">
              Waive…
            </button>
          )
        )}
      </div>
    </div>
    </Modal>
  )
}
