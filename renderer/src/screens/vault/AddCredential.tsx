import { useMemo, useRef, useState, type FormEvent } from 'react'
import { CREDENTIAL_PROVIDERS, LEAST_PRIVILEGE, PROVIDER_NAMES, SECRET_FORMATS, type CredentialProvider } from '@shared/contract/credentials'
import { useActions, useApp } from '../../hooks/useStore'
import { useErrorFocus } from '../../hooks/useErrorFocus'
import { useDiscardGuard } from '../../hooks/useDiscardGuard'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { hasErrors, placeIssues } from '../../lib/formErrors'
import { CREDENTIAL_FIELDS, credentialErrors, type CredentialErrors } from '../../store/validation'

/**
 * Add a credential, in the one form pattern (every error in place at once, focus on the first,
 * Escape with input asks). The secret is a password field with Show/Hide, cleared after saving
 * and never shown again; the provider's least-privilege recipe sits under it.
 */
export function AddCredential({ onClose }: { onClose(): void }) {
  const busy = useApp((s) => s.vault.busy)
  const refused = useApp((s) => s.vault.formError)
  const sandbox = useApp((s) => s.info?.sandbox ?? false)
  const { addVaultCredential } = useActions()
  const [provider, setProvider] = useState<CredentialProvider>('cloudflare')
  const [label, setLabel] = useState('')
  const [secret, setSecret] = useState('')
  const [shown, setShown] = useState(false)
  const [owner, setOwner] = useState<'consultant' | 'founder'>('founder')
  const [rotationDue, setRotationDue] = useState('')
  const [local, setLocal] = useState<CredentialErrors | null>(null)
  // one object per attempt: a new one moves focus to the first error
  const errors = useMemo(() => local ?? (refused ? placeIssues(refused, CREDENTIAL_FIELDS) : {}), [local, refused])
  const ref = useRef<HTMLFormElement>(null)
  useErrorFocus(ref, errors)
  const guard = useDiscardGuard(!!(label || secret || rotationDue), onClose)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    const found = credentialErrors(label, secret, rotationDue)
    setLocal(hasErrors(found) ? found : null)
    if (hasErrors(found)) return
    const ok = await addVaultCredential({ provider, label, secret, owner, rotationDue })
    setSecret('')
    if (ok) onClose()
  }
  const howTo = LEAST_PRIVILEGE[provider]
  return (
    <form ref={ref} className="card vault-form" onSubmit={(e) => void submit(e)} aria-labelledby="h-add-cred" noValidate onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), guard.requestClose())}>
      <h2 id="h-add-cred" className="card-title">Add a credential</h2>
      {sandbox && (
        <p className="banner banner-info small" data-testid="vault-sandbox">
          Sandbox mode: checks use the sandbox&apos;s own credentials, not the ones stored here. What you add is still kept in the keychain and verified.
        </p>
      )}
      {errors.form && <ErrorBanner formError>{errors.form}</ErrorBanner>}
      <div className="vault-fields">
        <Field id="cred-provider" label="Provider" error={errors.provider}>
          {(aria) => (
            <select {...aria} className="input" value={provider} onChange={(e) => setProvider(e.target.value as CredentialProvider)}>
              {CREDENTIAL_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {PROVIDER_NAMES[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="cred-label" label="Label" error={errors.label}>
          {(aria) => <input {...aria} className="input" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Cloudflare API token (DNS read)" data-autofocus />}
        </Field>
        <Field id="cred-secret" label="Secret" error={errors.secret} hint={SECRET_FORMATS[provider] ? `Written as ${SECRET_FORMATS[provider]}` : undefined}>
          {(aria) => (
            <div className="secret-row">
              <input {...aria} className="input mono" type={shown ? 'text' : 'password'} autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} />
              <button type="button" className="btn btn-xs" aria-pressed={shown} aria-controls="cred-secret" onClick={() => setShown((x) => !x)}>
                {shown ? 'Hide' : 'Show'}
              </button>
            </div>
          )}
        </Field>
        <Field id="cred-owner" label="Owner">
          {(aria) => (
            <select {...aria} className="input" value={owner} onChange={(e) => setOwner(e.target.value as 'consultant' | 'founder')}>
              <option value="founder">Founder</option>
              <option value="consultant">Consultant</option>
            </select>
          )}
        </Field>
        <Field id="cred-rotate" label="Rotate by" optional error={errors.rotationDue}>
          {(aria) => <input {...aria} className="input" type="date" value={rotationDue} onChange={(e) => setRotationDue(e.target.value)} />}
        </Field>
      </div>
      {howTo && (
        <details className="small howto">
          <summary>How to create a least-privilege token for {PROVIDER_NAMES[provider]}</summary>
          <p>{howTo}</p>
        </details>
      )}
      <p className="small muted">The secret goes straight to the OS keychain and is verified with the provider; this screen never shows it again.</p>
      {guard.prompt}
      <div className="page-actions vault-form-actions">
        <button type="submit" className="btn btn-primary" aria-disabled={busy}>
          {busy ? 'Saving…' : 'Save and verify'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
