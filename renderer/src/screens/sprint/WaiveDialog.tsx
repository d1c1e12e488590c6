import { createPortal } from 'react-dom'
import { useRef, useState, type FormEvent } from 'react'
import { Field } from '../../components/Field'
import { Modal } from '../../components/Modal'
import { useActions, useApp } from '../../hooks/useStore'
import { defaultExpiry } from '../../store/sprint'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useDiscardGuard } from '../../hooks/useDiscardGuard'
import { useErrorFocus } from '../../hooks/useErrorFocus'
import { hasErrors, placeIssues } from '../../lib/formErrors'
import { WAIVER_FIELDS, waiverErrors, type WaiverErrors } from '../../store/validation'

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
  const initial = useRef({ reason: '', by: founder, expires: defaultExpiry() })
  const [reason, setReason] = useState(initial.current.reason)
  const [by, setBy] = useState(initial.current.by)
  const [expires, setExpires] = useState(initial.current.expires)
  const [errors, setErrors] = useState<WaiverErrors>({})
  const [busy, setBusy] = useState(false)
  const ref = useRef<HTMLFormElement>(null)
  useErrorFocus(ref, errors)
  const dirty = reason !== initial.current.reason || by !== initial.current.by || expires !== initial.current.expires
  const guard = useDiscardGuard(dirty, () => askWaive(null))
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    const found = waiverErrors(reason, by, expires)
    setErrors(found)
    if (hasErrors(found)) return
    setBusy(true)
    const err = await waive({ itemId, reason: reason.trim(), acceptedBy: by.trim(), expiresAt: expires })
    setBusy(false)
    if (err) return setErrors(placeIssues(err, WAIVER_FIELDS))
    // waived: back to the item on the board (the sheet that offered Waive… closed when this opened), or to the result's Re-run
    requestAnimationFrame(() => (document.getElementById(`item-${itemId}`) ?? document.getElementById('result-rerun'))?.focus())
  }
  return createPortal(
    <Modal labelledBy="waive-title" describedBy="waive-desc" onClose={guard.requestClose}>
      <form ref={ref} onSubmit={(e) => void submit(e)} noValidate>
        <div className="modal-body stack">
          <h2 id="waive-title">Waive “{title}”</h2>
          <p id="waive-desc" className="muted small">
            A waiver accepts the risk until it expires; the item then opens again. It is printed in the handover.
          </p>
          {errors.form && <ErrorBanner formError>{errors.form}</ErrorBanner>}
          <Field id="waive-reason" label="Reason" error={errors.reason}>
            {(aria) => <textarea {...aria} className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
          </Field>
          <Field id="waive-by" label="Accepted by" error={errors.acceptedBy}>
            {(aria) => <input {...aria} className="input" value={by} onChange={(e) => setBy(e.target.value)} />}
          </Field>
          <Field id="waive-expires" label="Expires on" hint="Default: 30 days from today." error={errors.expiresAt}>
            {(aria) => <input {...aria} type="date" className="input" value={expires} onChange={(e) => setExpires(e.target.value)} />}
          </Field>
        </div>
        {guard.prompt}
        <div className="modal-footer">
          <button type="button" className="btn" onClick={() => askWaive(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" aria-disabled={busy}>
            {busy ? 'Waiving…' : 'Waive item'}
          </button>
        </div>
      </form>
    </Modal>,
    document.body,
  )
}
