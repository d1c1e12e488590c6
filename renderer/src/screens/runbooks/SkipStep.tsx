import { useRef, useState, type FormEvent } from 'react'

/** Skip a step that will not pass now: the reason is required (it is kept with the run), its error shown in place. */
export function SkipStep({ busy, onSkip }: { busy: boolean; onSkip(reason: string): void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const field = useRef<HTMLTextAreaElement>(null)
  if (!open)
    return (
      <button type="button" className="btn" disabled={busy} onClick={() => (setOpen(true), setTimeout(() => field.current?.focus(), 0))}>
        Skip this step…
      </button>
    )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!reason.trim()) {
      setError('Say why this step is skipped: the reason is kept with the run.')
      field.current?.focus()
      return
    }
    onSkip(reason)
  }
  return (
    <form className="rb-skip" onSubmit={submit} noValidate>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor="skip-reason">Why skip it?</label>
        <textarea
          id="skip-reason"
          ref={field}
          className="input"
          rows={2}
          value={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'skip-reason-error' : undefined}
          onChange={(e) => (setReason(e.target.value), setError(''))}
        />
        {error && (
          <p className="field-error" id="skip-reason-error">
            {error}
          </p>
        )}
      </div>
      <div className="rb-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Skip step
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => (setOpen(false), setReason(''), setError(''))}>
          Cancel
        </button>
      </div>
    </form>
  )
}
