import { useState, type FormEvent } from 'react'
import { Field } from '../../components/Field'
import { useActions, useApp } from '../../hooks/useStore'
import { fullDate } from '../../lib/format'

/**
 * Re-keying is explicit: a reason and a confirmation, then a new key pair; the key history lists
 * every key and why it was replaced (engagements the old key signed record it as evidence).
 */
export function RekeyPanel() {
  const st = useApp((s) => s.identity)
  const { rekeyIdentity } = useActions()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [understood, setUnderstood] = useState(false)
  const keys = st.identity?.keys ?? []
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (await rekeyIdentity(reason.trim())) {
      setOpen(false)
      setReason('')
      setUnderstood(false)
    }
  }
  return (
    <div className="settings-rekey">
      {keys.length > 0 && (
        <>
          <h3 className="settings-subtitle">Key history</h3>
          <ul className="settings-rules" data-testid="key-history">
            {keys.map((k) => (
              <li key={`${k.at}-${k.fingerprint}`} className="small">
                {k.event === 'created' ? 'Made' : 'Replaced'} {fullDate(k.at)}: <span className="mono">{k.fingerprint.slice(0, 16)}…</span>
                {k.event === 'rekeyed' && (
                  <>
                    {' '}
                    (was <span className="mono">{k.previous?.slice(0, 16)}…</span>; {k.reason})
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {!open ? (
        <div className="settings-actions">
          <button type="button" className="btn" onClick={() => setOpen(true)} disabled={!!st.busy}>
            Replace my signing key…
          </button>
        </div>
      ) : (
        <form className="banner banner-warn settings-rekey-form" onSubmit={(e) => void submit(e)} aria-labelledby="rekey-q">
          <p id="rekey-q">
            <strong>Replace your signing key?</strong> Bundles you build from now on carry a new fingerprint: founders must be given it again. Bundles signed before keep the old one and still
            verify. Do this when the key may be known to someone else (a lost laptop, a shared keychain).
          </p>
          <Field id="rekey-reason" label="Why" hint='Recorded with the new key, e.g. "laptop lost".'>
            {(aria) => <input {...aria} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <label className="settings-choice">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> I will send founders the new fingerprint
          </label>
          <div className="page-actions">
            <button type="submit" className="btn btn-danger" disabled={!understood || !reason.trim() || !!st.busy}>
              {st.busy === 'rekey' ? 'Replacing…' : 'Replace the key'}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
              Keep my key
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
