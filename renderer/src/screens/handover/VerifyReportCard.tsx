import { useState, type FormEvent } from 'react'
import { normalizeFingerprint } from '@shared/fingerprint'
import type { VerifyReport } from '@shared/contract/handover'
import { useActions, useApp } from '../../hooks/useStore'
import { orderedItems } from '../../store/handover'
import { sentence } from '../../lib/formErrors'

/** Who signed, with which key, and whether it is the key the person expected. */
function SignedBy({ r }: { r: VerifyReport }) {
  if (!r.signer) return null
  const s = r.signer
  const match = r.expected ? r.expected === s.fingerprint : null
  return (
    <div className="ho-signer" data-testid="verify-signer">
      <p>
        Signed by <strong>{s.name}</strong>
        {s.email && <> &lt;{s.email}&gt;</>}
        {s.organisation && <>, {s.organisation}</>} with the key <span className="mono ho-fp">{s.fingerprint}</span>
      </p>
      {match === null ? (
        <p className="small muted">That fingerprint must match the one the consultant gave you another way (in person, on a call). Paste it below to check.</p>
      ) : (
        <p className={`small ${match ? '' : 'field-error'}`} data-testid="verify-expected">
          {match ? 'This is the key you expected.' : `This is NOT the key you expected (${r.expected}).`}
        </p>
      )}
      {r.acceptances.length > 0 && (
        <ul className="ho-items" aria-label="Acceptances">
          {r.acceptances.map((a) => (
            <li key={a.stem} data-testid="acceptance">
              <span className={`st ${a.ok ? 'st-pass' : 'st-fail'}`}>{a.ok ? 'Accepted' : 'Fail'}</span>
              {a.ok ? (
                <span>
                  by <strong>{a.name}</strong> &lt;{a.email}&gt; on {a.acceptedAt}, key <span className="mono ho-fp">{a.fingerprint}</span>
                </span>
              ) : (
                <span className="small">
                  {a.stem}: {a.detail}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Verify again, requiring a key: the fingerprint as the consultant sent it (any usual format). */
function ExpectForm({ bundle }: { bundle: string }) {
  const h = useApp((s) => s.handover)
  const { verifyBundleNamed } = useActions()
  const [fp, setFp] = useState(h.report?.expected ?? '')
  const [error, setError] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const n = normalizeFingerprint(fp)
    if (!n) return setError('A key fingerprint is 64 hex digits (SHA-256 of the public key).')
    setError('')
    void verifyBundleNamed(bundle, n)
  }
  return (
    <form className="ho-expect" onSubmit={submit} noValidate>
      <label htmlFor="expect-fp" className="small">
        Expected key fingerprint
      </label>
      <input id="expect-fp" className="input mono" value={fp} onChange={(e) => setFp(e.target.value)} spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={error ? 'expect-fp-error' : undefined} />
      <button type="submit" className="btn" disabled={!!h.busy}>
        Verify against this key
      </button>
      {error && (
        <p className="field-error" id="expect-fp-error">
          {sentence(error)}
        </p>
      )}
    </form>
  )
}

/** The verification report of one bundle: every item, who signed it and who accepted it. */
export function VerifyReportCard() {
  const h = useApp((s) => s.handover)
  if (!h.report || !h.reportOf) return null
  const r = h.report
  return (
    <section className="card" aria-labelledby="h-verify" data-testid="verify-report">
      <h2 id="h-verify" className="card-title">
        Verification of {h.reportOf} <span className={`st ${r.ok ? 'st-pass' : 'st-fail'}`}>{r.ok ? 'Intact' : 'Problems found'}</span>
      </h2>
      <SignedBy r={r} />
      <ExpectForm key={h.reportOf} bundle={h.reportOf} />
      <ul className="ho-items">
        {orderedItems(r).map((it) => (
          <li key={it.name}>
            <span className={`st ${it.ok ? 'st-pass' : 'st-fail'}`}>{it.ok ? 'OK' : 'Fail'}</span> <strong>{it.name}</strong> <span className="muted small">{it.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
