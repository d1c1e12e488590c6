import { useEffect, useState, type FormEvent } from 'react'
import type { ConsultantDetails } from '@shared/contract/identity'
import { Field } from '../../components/Field'
import { Fingerprint } from '../../components/Fingerprint'
import { ErrorBanner } from '../../components/ErrorBanner'
import { useActions, useApp } from '../../hooks/useStore'
import { identityDraft } from '../../store/identity'
import { fullDate } from '../../lib/format'
import { RekeyPanel } from './RekeyPanel'
import './settings.css'
import { sentence } from '../../lib/formErrors'

const FIELDS: { key: keyof ConsultantDetails; label: string; type: string; hint: string; optional?: boolean; autoComplete: string }[] = [
  { key: 'name', label: 'Your name', type: 'text', hint: 'As the certificate, the PDF cover and the manifest name you.', autoComplete: 'name' },
  { key: 'email', label: 'Email', type: 'email', hint: 'Where founders reach you about this handover.', autoComplete: 'email' },
  { key: 'organisation', label: 'Organisation', type: 'text', hint: 'Your company, or your own name when you work alone.', autoComplete: 'organization' },
  { key: 'website', label: 'Website', type: 'url', hint: 'A full http(s) address.', optional: true, autoComplete: 'url' },
]

/**
 * Who signs the handover bundles: the consultant's details (on the certificate, the cover and
 * the manifest), the key's full fingerprint to read aloud or paste, and an explicit re-key.
 */
export function IdentitySettings() {
  const st = useApp((s) => s.identity)
  const { loadIdentity, saveIdentity } = useActions()
  const [draft, setDraft] = useState<ConsultantDetails>(identityDraft(undefined))
  useEffect(() => {
    void loadIdentity()
  }, [loadIdentity])
  const id = st.identity
  useEffect(() => setDraft(identityDraft(id)), [id])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void saveIdentity(draft)
  }
  return (
    <section className="card span-2" aria-labelledby="h-identity" data-testid="identity-settings">
      <h2 id="h-identity" className="card-title">
        Your identity
      </h2>
      <p className="small muted">
        Every bundle you build is signed by you: these details go on the signing certificate, the PDF cover and the manifest. The key pair lives in this
        machine&apos;s keychain; founders check bundles against its fingerprint, so give it to them another way than the bundle (in person, on a call).
      </p>
      {st.error && <ErrorBanner>{st.error.message}</ErrorBanner>}
      {id && !id.confirmed && (
        <p className="banner banner-warn small" data-testid="identity-unconfirmed">
          This key was made before bundles named their consultant, under the name &quot;{id.name}&quot;. Save your details to sign with it again; its fingerprint stays the same.
        </p>
      )}
      {id === undefined && !st.error ? (
        <p className="muted small" role="status">
          Loading your identity…
        </p>
      ) : (
        <form className="settings-form" onSubmit={submit} noValidate aria-label="Your identity">
          <div className="settings-identity">
            {FIELDS.map((f) => (
              <Field key={f.key} id={`identity-${f.key}`} label={f.label} hint={f.hint} optional={f.optional} error={st.errors[f.key]}>
                {(aria) => <input {...aria} className="input" type={f.type} autoComplete={f.autoComplete} value={draft[f.key]} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />}
              </Field>
            ))}
          </div>
          {st.errors.form && (
            <p className="field-error" role="alert">
              {sentence(st.errors.form)}
            </p>
          )}
          <div className="page-actions">
            <button type="submit" className="btn btn-primary" disabled={!!st.busy}>
              {st.busy === 'save' ? 'Saving…' : id ? 'Save identity' : 'Save and make my signing key'}
            </button>
          </div>
        </form>
      )}
      {id && (
        <>
          <Fingerprint id="identity-fingerprint" value={id.fingerprint} />
          <p className="small muted">Key made {fullDate(id.createdAt)}.</p>
          <RekeyPanel />
        </>
      )}
    </section>
  )
}
