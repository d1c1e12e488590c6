import { useEffect, useState, type FormEvent } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { bundleName, orderedItems } from '../../store/handover'
import { fullDate, plural } from '../../lib/format'
import { BackToEngagement } from '../../components/BackToEngagement'
import { Icon } from '../../components/Icon'
import { BundleActions } from './BundleActions'
import { BundlePages } from './BundlePages'
import '../vault/vault.css'
import { bytes } from '../../store/sprint'
import './handover.css'
import { ErrorBanner } from '../../components/ErrorBanner'

/** Build the signed handover bundle, see its files and verification, and let the founder countersign. */
export function HandoverScreen({ engagementId }: { engagementId: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const h = useApp((s) => s.handover)
  const { loadHandover, buildBundle, verifyBundleNamed, countersign, showBundle, navigate } = useActions()
  const [founderName, setFounderName] = useState('')
  const [founderEmail, setFounderEmail] = useState('')
  useEffect(() => {
    void loadHandover(engagementId)
  }, [engagementId, loadHandover])
  useEffect(() => {
    if (e) {
      setFounderName(e.founderName)
      setFounderEmail(e.founderEmail)
    }
  }, [e])
  const mine = h.engagementId === engagementId
  const builtName = h.built ? bundleName(h.built.dir) : null
  const sign = (ev: FormEvent) => {
    ev.preventDefault()
    if (h.reportOf) void countersign(h.reportOf, founderName, founderEmail)
  }
  return (
    <>
      <BackToEngagement engagementId={engagementId} />
      <div className="page-head">
        <div>
          <h1 id="page-title">Handover</h1>
          <p className="muted subtitle">A signed bundle: the PDF, the evidence and the access inventory, verifiable offline.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn btn-primary" disabled={!!h.busy} onClick={() => void buildBundle()}>
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
            <p className="small">
              Signed by {h.built.signer.name} · key <span className="mono">{h.built.signer.fingerprint.slice(0, 16)}…</span>
            </p>
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
        {h.report && mine && (
          <section className="card span-2" aria-labelledby="h-verify" data-testid="verify-report">
            <h2 id="h-verify" className="card-title">
              Verification of {h.reportOf}{' '}
              <span className={`st ${h.report.ok ? 'st-pass' : 'st-fail'}`}>{h.report.ok ? 'Intact' : 'Problems found'}</span>
            </h2>
            <ul className="ho-items">
              {orderedItems(h.report).map((it) => (
                <li key={it.name}>
                  <span className={`st ${it.ok ? 'st-pass' : 'st-fail'}`}>{it.ok ? 'OK' : 'Fail'}</span> <strong>{it.name}</strong> <span className="muted small">{it.detail}</span>
                </li>
              ))}
            </ul>
            {h.report.ok && (
              <form className="vault-form ho-sign" onSubmit={sign} aria-labelledby="h-countersign">
                <h3 id="h-countersign">Founder countersignature</h3>
                <p className="small muted">On the founder's machine: their own key signs the manifest to accept the handover.</p>
                <div className="vault-fields">
                  <label className="field">
                    <span>Founder name</span>
                    <input className="input" required value={founderName} onChange={(x) => setFounderName(x.target.value)} />
                  </label>
                  <label className="field">
                    <span>Founder email</span>
                    <input className="input" type="email" value={founderEmail} onChange={(x) => setFounderEmail(x.target.value)} />
                  </label>
                </div>
                <div>
                  <button type="submit" className="btn" disabled={!!h.busy}>
                    {h.busy === 'countersign' ? 'Signing…' : 'Countersign'}
                  </button>
                </div>
                {h.countersigned && (
                  <p className="small" role="status">
                    Countersigned by {h.countersigned.name} · key <span className="mono">{h.countersigned.fingerprint.slice(0, 16)}…</span>
                  </p>
                )}
              </form>
            )}
          </section>
        )}
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
