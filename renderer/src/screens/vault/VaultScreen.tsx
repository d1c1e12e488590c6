import { useEffect, useState } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { PROVIDER_NAMES } from '@shared/contract/credentials'
import { rotationState, withoutPrefix } from '../../store/vault'
import { fullDate, relativeTime } from '../../lib/format'
import { BackToEngagement } from '../../components/BackToEngagement'
import { Icon } from '../../components/Icon'
import { AddCredential } from './AddCredential'
import { RotateCredential } from './RotateCredential'
import { RotationCell } from './RotationCell'
import './vault.css'
import { ErrorBanner } from '../../components/ErrorBanner'

type Panel = { kind: 'add' } | { kind: 'rotate'; id: string } | null

/** Provider credentials of one engagement: metadata only; the secrets live in the OS keychain. */
export function VaultScreen({ engagementId }: { engagementId: string }) {
  const v = useApp((s) => s.vault)
  const { loadVault, verifyVaultCredential, removeVaultCredential, clearVaultFormError, scheduleVaultCredential } = useActions()
  const [panel, setPanel] = useState<Panel>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  useEffect(() => {
    void loadVault(engagementId)
  }, [engagementId, loadVault])
  const open = (p: Panel) => {
    clearVaultFormError()
    setPanel(p)
  }
  const items = v.engagementId === engagementId ? v.items : null
  const noKeychain = v.keychain && !v.keychain.available ? v.keychain : null
  const rotating = panel?.kind === 'rotate' ? items?.find((c) => c.id === panel.id) : undefined
  return (
    <>
      <BackToEngagement engagementId={engagementId} />
      <div className="page-head">
        <div>
          <h1 id="page-title">Vault</h1>
          <p className="muted subtitle">{v.keychain?.available ? `Secrets are kept in ${v.keychain.backend}.` : 'Provider tokens for this engagement.'}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-primary" disabled={!!noKeychain} onClick={() => open({ kind: 'add' })}>
            <Icon name="plus" /> Add credential
          </button>
        </div>
      </div>
      {noKeychain && (
        <div className="banner banner-error" role="alert" data-testid="keychain-unavailable">
          <Icon name="alert" />
          <span>
            <strong>The OS keychain is not available, so no secret can be stored or read.</strong> {noKeychain.reason.replace(/\.?$/, '.')} See <span className="mono">{noKeychain.docs}</span>{' '}
            for how to enable it (on Linux: a running Secret Service such as gnome-keyring). Listing what was recorded still works.
          </span>
        </div>
      )}
      {v.error && (
        <ErrorBanner>{v.error.message}</ErrorBanner>
      )}
      {panel?.kind === 'add' && <AddCredential onClose={() => setPanel(null)} />}
      {rotating && <RotateCredential c={rotating} onClose={() => setPanel(null)} />}
      {!items ? (
        <p className="muted loading" role="status">
          Loading credentials…
        </p>
      ) : items.length === 0 ? (
        <div className="empty card">
          <h2>No credentials yet</h2>
          <p className="muted">
            Add the founder's provider tokens (DNS, hosting, monitoring) so checks can read settings and the handover can prove who holds what. From a terminal:{' '}
            <code>handover credential add cloudflare</code>
          </p>
        </div>
      ) : (
        <div className="card table-card">
          <table className="table" aria-label="Credentials">
            <thead>
              <tr>
                <th scope="col">Credential</th>
                <th scope="col">Owner</th>
                <th scope="col">Verified</th>
                <th scope="col">Rotation</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => {
                const rot = rotationState(c)
                return (
                  <tr key={c.id} data-testid="credential-row">
                    <td>
                      <strong>{c.label}</strong>
                      <div className="small muted mono">
                        {PROVIDER_NAMES[c.provider] ?? c.provider}
                        {c.identity ? ` · ${c.identity}` : ''}
                      </div>
                    </td>
                    <td>{c.owner}</td>
                    <td>
                      {c.verifyError ? (
                        <span className="st st-fail">Failed</span>
                      ) : c.verifiedAt ? (
                        <span title={fullDate(c.verifiedAt)}>{relativeTime(c.verifiedAt)}</span>
                      ) : (
                        <span className="muted">Never</span>
                      )}
                      {c.verifyError && <div className="small muted">{withoutPrefix(c.verifyError)}</div>}
                    </td>
                    <td>
                      <RotationCell c={c} state={rot} onSchedule={(p) => void scheduleVaultCredential(c.id, p)} />
                    </td>
                    <td className="vault-actions">
                      {removing === c.id ? (
                        <>
                          <span className="small">Remove from the keychain?</span>
                          <button type="button" className="btn btn-xs btn-danger" onClick={() => (setRemoving(null), void removeVaultCredential(c.id))}>
                            Remove
                          </button>
                          <button type="button" className="btn btn-xs btn-ghost" onClick={() => setRemoving(null)}>
                            Keep
                          </button>
                        </>
                      ) : (
                        <>
                          <button type="button" className="btn btn-xs" disabled={!!noKeychain} onClick={() => void verifyVaultCredential(c.id)} aria-label={`Verify ${c.label}`}>
                            Verify
                          </button>
                          <button type="button" className="btn btn-xs" disabled={!!noKeychain} onClick={() => open({ kind: 'rotate', id: c.id })} aria-label={`Rotate ${c.label}`}>
                            Rotate
                          </button>
                          <button type="button" className="btn btn-xs btn-danger-ghost" onClick={() => setRemoving(c.id)} aria-label={`Remove ${c.label}`}>
                            Remove
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
