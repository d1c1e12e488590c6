import { createPortal } from 'react-dom'
import { useState, type FormEvent } from 'react'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { useActions, useApp } from '../../hooks/useStore'
import { defaultExpiry } from '../../store/sprint'
import { ErrorBanner } from '../../components/ErrorBanner'

/** Accept a risk: why, who accepted it, and until when (default: 30 days from today). */
export function WaiveDialog() {
  const itemId = useApp((s) => s.sprint.waiveItem)
  const item = useApp((s) => s.sprint.status?.items.find((x) => x.id === s.sprint.waiveItem))
  const founder = useApp((s) => s.sprint.status?.engagement.founderName || s.sprint.status?.engagement.founderEmail || '')
  if (!itemId || !item) return null
  return <WaiveForm itemId={itemId} title={item.title} founder={founder} />
}

function WaiveForm({ itemId, title, founder }: { itemId: string; title: string; founder: string }) {
  const { askWaive, waive } = useActions()
  const [reason, setReason] = useState('')
  const [by, setBy] = useState(founder)
  const [expires, setExpires] = useState(defaultExpiry())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (reason.trim().length < 5) return setError('Say why the risk is accepted (at least a few words).')
    if (!by.trim()) return setError('Say who accepted the risk.')
    setBusy(true)
    const err = await waive({ itemId, reason: reason.trim(), acceptedBy: by.trim(), expiresAt: expires })
    setBusy(false)
    setError(err)
  }
  return createPortal(
    <Modal labelledBy="waive-title" describedBy="waive-desc" onClose={() => askWaive(null)}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="modal-body stack">
          <h2 id="waive-title">Waive “{title}”</h2>
          <p id="waive-desc" className="muted small">
            A waiver accepts the risk until it expires; the item then opens again. It is printed in the handover.
          </p>
          {error && (
            <ErrorBanner>{error}</ErrorBanner>
          )}
          <Field id="waive-reason" label="Reason">
            {(aria) => <textarea {...aria} className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
          </Field>
          <Field id="waive-by" label="Accepted by">
            {(aria) => <input {...aria} className="input" value={by} onChange={(e) => setBy(e.target.value)} />}
          </Field>
          <Field id="waive-expires" label="Expires on" hint="Default: 30 days from today.">
            {(aria) => <input {...aria} type="date" className="input" value={expires} onChange={(e) => setExpires(e.target.value)} required />}
          </Field>
        </div>
        <div className="modal-footer">
          <button type="button" className="btn" onClick={() => askWaive(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Waiving…' : 'Waive item'}
          </button>
        </div>
      </form>
    </Modal>,
    document.body,
  )
}
