import { useActions, useApp } from '../hooks/useStore'
import { Icon } from './Icon'
import { Modal } from './Modal'

/** Confirmation before deleting an engagement; Cancel has focus so Enter never destroys by accident. */
export function ConfirmDialog() {
  const confirm = useApp((s) => s.ui.confirm)
  const { cancelConfirm, confirmRemove } = useActions()
  if (!confirm) return null
  return (
    <Modal labelledBy="confirm-title" describedBy="confirm-body" onClose={cancelConfirm} role="alertdialog">
      <div className="modal-body confirm">
        <div className="confirm-icon danger" aria-hidden="true">
          <Icon name="trash" size={20} />
        </div>
        <div>
          <h2 id="confirm-title">Delete {confirm.title}?</h2>
          <p id="confirm-body" className="muted">
            The engagement, its sprint, results, evidence and notes are removed from this workspace. You can undo this for 10 seconds.
          </p>
        </div>
      </div>
      <div className="modal-footer">
        <button type="button" className="btn" onClick={cancelConfirm} data-autofocus>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void confirmRemove()} disabled={confirm.busy}>
          {confirm.busy ? 'Deleting…' : 'Delete engagement'}
        </button>
      </div>
    </Modal>
  )
}
