import { useState } from 'react'
import { Modal } from '../../components/Modal'
import { Icon } from '../../components/Icon'

/** Abandon asks first: the run stops for good (what was done stays in the evidence); Cancel has focus. */
export function AbandonDialog({ title, busy, onCancel, onAbandon }: { title: string; busy: boolean; onCancel(): void; onAbandon(reason: string): void }) {
  const [reason, setReason] = useState('')
  return (
    <Modal labelledBy="abandon-title" describedBy="abandon-body" onClose={onCancel} role="alertdialog">
      <div className="modal-body confirm">
        <div className="confirm-icon danger" aria-hidden="true">
          <Icon name="close" size={20} />
        </div>
        <div className="rb-abandon">
          <h2 id="abandon-title">Abandon “{title}”?</h2>
          <p id="abandon-body" className="muted">
            The run stops here and leaves “In progress”. Every step done so far stays in the engagement's evidence. To try again later, start the runbook afresh.
          </p>
          <label className="field" htmlFor="abandon-reason">
            <span>
              Why <span className="optional">optional</span>
            </span>
            <textarea id="abandon-reason" className="input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        </div>
      </div>
      <div className="modal-footer">
        <button type="button" className="btn" onClick={onCancel} data-autofocus>
          Keep going
        </button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onAbandon(reason)}>
          {busy ? 'Abandoning…' : 'Abandon runbook'}
        </button>
      </div>
    </Modal>
  )
}
