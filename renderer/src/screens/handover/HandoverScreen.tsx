import { useEffect } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { bundleName } from '../../store/handover'
import { fullDate, plural } from '../../lib/format'
import { BackToEngagement } from '../../components/BackToEngagement'
import { Icon } from '../../components/Icon'
import { BundleActions } from './BundleActions'
import { BundlePages } from './BundlePages'
import { VerifyReportCard } from './VerifyReportCard'
import { Fingerprint } from '../../components/Fingerprint'
import '../vault/vault.css'
import { bytes } from '../../store/sprint'
import './handover.css'
import { ErrorBanner } from '../../components/ErrorBanner'

/** Build the signed handover bundle, see its files and verification, and let the founder countersign. */
export function HandoverScreen({ engagementId }: { engagementId: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const h = useApp((s) => s.handover)
  const identity = useApp((s) => s.identity.identity)
  const { loadHandover, buildBundle, verifyBundleNamed, showBundle, navigate, loadIdentity } = useActions()
  useEffect(() => {
    void loadHandover(engagementId)
    void loadIdentity()
  }, [engagementId, loadHandover, loadIdentity])
  const mine = h.engagementId === engagementId
  const builtName = h.built ? bundleName(h.built.dir) : null
  // A bundle names the consultant who set their identity, never the OS user.
  const unsigned = identity === null || identity?.confirmed === false
  return (
    <>
      <BackToEngagement engagementId={engagementId} />
      <div className="page-head">
        <div>
          <h1 id="page-title">Handover</h1>
          <p className="muted subtitle">A signed bundle: the PDF, the evidence and the access inventory, verifiable offline.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-primary" disabled={!!h.busy || unsigned} onClick={() => void buildBundle()}>
            {h.busy === 'build' ? 'Building…' : 'Build the bundle'}
          </button>
        </div>
      </div>
      <p className="ho-inventory">
        <Icon name="key" />
        <span>
          The PDF prints the access inventory: who owns each system, its admins, 2FA, recovery and where each credential lives.{' '}
          <a
            href={`#/engagements/${encodeURIComponent(engagementId)}/inventory`}
            onClick={(x) => {
              x.preventDefault()
              navigate({ name: 'inventory', id: engagementId })
            }}
          >
            Edit the access inventory
          </a>
        </span>
      </p>
      {unsigned && (
        <p className="banner banner-info" data-testid="identity-needed">
          <Icon name="key" />
          <span>
            Bundles are signed by you. Set your name, email and organisation first: they go on the certificate, the cover and the manifest.{' '}
            <a
              href="#/settings"
              onClick={(x) => {
                x.preventDefault()
                navigate({ name: 'settings' })
              }}
            >
              Set your identity in Settings
            </a>
          </span>
        </p>
      )}
      {mine && h.error && (
        <ErrorBanner>
          <strong>That did not work.</strong> {h.error.message}
        </ErrorBanner>
      )}
      <div className="detail-grid">
        {h.built && mine && (
          <section className="card span-2" aria-labelledby="h-files">
            <h2 id="h-files" className="card-title">
              {builtName} <span className="muted small">{plural(h.built.files.length, 'file')}</span>
            </h2>
            <p className="small" data-testid="built-signer">
              Signed by {h.built.signer.name}
              {h.built.signer.email && <> &lt;{h.built.signer.email}&gt;</>}
              {h.built.signer.organisation && <>, {h.built.signer.organisation}</>}. Give the founder this fingerprint another way than the bundle (in person, on a call):
            </p>
            <Fingerprint id="built-fingerprint" value={h.built.signer.fingerprint} />
            <table className="table compact" aria-label="Files in the bundle">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col">SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {h.built.files.map((f) => (
                  <tr key={f.path}>
                    <td className="mono">{f.path}</td>
                    <td className="num">{f.size.toLocaleString('en')} B</td>
                    <td className="mono small hash">{f.sha256}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {mine && <VerifyReportCard engagementId={engagementId} />}
        <section className="card span-2" aria-labelledby="h-bundles">
          <h2 id="h-bundles" className="card-title">Bundles</h2>
          {!mine || !h.bundles ? (
            <p className="muted" role="status">
              Loading…
            </p>
          ) : h.bundles.length === 0 ? (
            <p className="muted">
              No bundle yet. Build one when the sprint is done: it collects the report, evidence and inventory, and signs them. From a terminal:{' '}
              <code>handover bundle --engagement {e?.domain ?? engagementId} --out DIR</code>
            </p>
          ) : (
            <ul className="ho-items">
              {h.bundles.map((b) => (
                <li key={b.name} data-testid="bundle-row">
                  <span className="mono">{b.name}</span> <span className="muted small">{fullDate(b.createdAt)}</span>{' '}
                  <button type="button" className="btn btn-xs" disabled={!!h.busy} onClick={() => void verifyBundleNamed(b.name)} aria-label={`Verify ${b.name}`}>
                    Verify
                  </button>
                  <button type="button" className="btn btn-xs" aria-pressed={h.shown === b.name} onClick={() => void showBundle(b.name)} aria-label={`Show pages of ${b.name}`}>
                    Pages
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {mine && h.shown && (
          <section className="card span-2" aria-labelledby="h-shown" data-testid="bundle-view">
            <h2 id="h-shown" className="card-title">
              {h.shown} {h.place && <span className="muted small">{h.place.zipSize ? `zip ${bytes(h.place.zipSize)}` : 'no zip: build the bundle again'}</span>}
            </h2>
            {h.place && <BundleActions place={h.place} />}
            <BundlePages bundle={h.shown} />
          </section>
        )}
      </div>
    </>
  )
}
