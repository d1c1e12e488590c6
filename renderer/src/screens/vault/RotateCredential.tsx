import { useState, type FormEvent } from 'react'
import { PROVIDER_NAMES, type Credential } from '@shared/contract/credentials'
import { useActions, useApp } from '../../hooks/useStore'
import { ErrorBanner } from '../../components/ErrorBanner'

/** Guided rotation: make a new secret at the provider, paste it, we verify, then revoke the old one. */
export function RotateCredential({ c, onClose }: { c: Credential; onClose(): void }) {
  const busy = useApp((s) => s.vault.busy)
  const err = useApp((s) => s.vault.formError)
  const { rotateVaultCredential } = useActions()
  const [secret, setSecret] = useState('')
  const [by, setBy] = useState('')
  const [reason, setReason] = useState('')
  const [offline, setOffline] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const ok = await rotateVaultCredential(c.id, secret, { by: by || undefined, reason: reason || undefined, offline })
    setSecret('')
    if (ok) onClose()
  }
  return (
    <form className="card vault-form" onSubmit={(e) => void submit(e)} aria-labelledby="h-rotate">
      <h2 id="h-rotate" className="card-title">Rotate {c.label}</h2>
      <ol className="vault-steps">
        <li>
          At <strong>{PROVIDER_NAMES[c.provider] ?? c.provider}</strong>, create a new token with the same permissions{c.scopes.length ? ` (${c.scopes.join(', ')})` : ''}.
        </li>
        <li>Paste it below: the console stores it in the keychain in place of the old one and verifies it.</li>
        <li>Only after it verifies, revoke the old token at {PROVIDER_NAMES[c.provider] ?? c.provider}; the rotation runbook checks live that it is dead.</li>
      </ol>
      {err && (
        <ErrorBanner>{err.message}</ErrorBanner>
      )}
      <label className="field">
        <span>New secret</span>
        <input className="input mono" type="password" autoComplete="off" required value={secret} onChange={(e) => setSecret(e.target.value)} />
      </label>
      <label className="field">
        <span>Rotated by</span>
        <input className="input" value={by} onChange={(e) => setBy(e.target.value)} placeholder="your name" />
      </label>
      <label className="field">
        <span>Why</span>
        <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="scheduled, someone left, a leak…" />
      </label>
      <label className="check">
        <input type="checkbox" checked={offline} onChange={(e) => setOffline(e.target.checked)} /> I am offline: store it now, verify it at the next online run
      </label>
      <div className="page-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Rotating…' : 'Replace and verify'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
