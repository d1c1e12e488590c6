import { useState, type FormEvent } from 'react'
import { CREDENTIAL_PROVIDERS, SECRET_FORMATS, type CredentialProvider } from '@shared/contract/credentials'
import { useActions, useApp } from '../../hooks/useStore'
import { ErrorBanner } from '../../components/ErrorBanner'

/** Add a credential: the secret field is a password field, cleared after saving, never shown again. */
export function AddCredential({ onClose }: { onClose(): void }) {
  const busy = useApp((s) => s.vault.busy)
  const err = useApp((s) => s.vault.formError)
  const { addVaultCredential } = useActions()
  const [provider, setProvider] = useState<CredentialProvider>('cloudflare')
  const [label, setLabel] = useState('')
  const [secret, setSecret] = useState('')
  const [owner, setOwner] = useState<'consultant' | 'founder'>('founder')
  const [rotationDue, setRotationDue] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const ok = await addVaultCredential({ provider, label, secret, owner, rotationDue })
    setSecret('')
    if (ok) onClose()
  }
  return (
    <form className="card vault-form" onSubmit={(e) => void submit(e)} aria-labelledby="h-add-cred">
      <h2 id="h-add-cred" className="card-title">Add a credential</h2>
      {err && (
        <ErrorBanner>{err.message}</ErrorBanner>
      )}
      <div className="vault-fields">
        <label className="field">
          <span>Provider</span>
          <select className="input" value={provider} onChange={(e) => setProvider(e.target.value as CredentialProvider)}>
            {CREDENTIAL_PROVIDERS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
          {SECRET_FORMATS[provider] && <span className="small muted">Secret written as {SECRET_FORMATS[provider]}</span>}
        </label>
        <label className="field">
          <span>Label</span>
          <input className="input" required value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Cloudflare API token (DNS edit)" />
        </label>
        <label className="field">
          <span>Secret</span>
          <input className="input mono" type="password" autoComplete="off" required value={secret} onChange={(e) => setSecret(e.target.value)} />
        </label>
        <label className="field">
          <span>Owner</span>
          <select className="input" value={owner} onChange={(e) => setOwner(e.target.value as 'consultant' | 'founder')}>
            <option value="founder">founder</option>
            <option value="consultant">consultant</option>
          </select>
        </label>
        <label className="field">
          <span>
            Rotate by <span className="optional">optional</span>
          </span>
          <input className="input" type="date" value={rotationDue} onChange={(e) => setRotationDue(e.target.value)} />
        </label>
      </div>
      <p className="small muted">The secret goes straight to the OS keychain and is verified with the provider; this screen never shows it again.</p>
      <div className="page-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save and verify'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
