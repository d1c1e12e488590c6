import { useEffect } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { fullDate } from '../../lib/format'
import { BackToEngagement } from '../../components/BackToEngagement'
import { ErrorBanner } from '../../components/ErrorBanner'
import { bytes } from '../../store/sprint'
import { BundleActions } from './BundleActions'
import { BundlePages } from './BundlePages'
import { BuiltFiles } from './BuiltFiles'
import { Readiness } from './Readiness'
import { SendToFounder } from './SendToFounder'
import { VerifyReportCard } from './VerifyReportCard'
import { startPdfWorker } from './pdfWorker'
import '../vault/vault.css'
import './handover.css'

/**
 * The handover, in the order a person works through it: is it ready (the verdict as the PDF
 * states it, blockers, attention, signer, acceptance), Build, the PDF's pages, the bundles,
 * sending it to the founder, and last the hashes and verification.
 */
export function HandoverScreen({ engagementId }: { engagementId: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const h = useApp((s) => s.handover)
  const { loadHandover, verifyBundleNamed, showBundle, loadIdentity } = useActions()
  useEffect(() => {
    void loadHandover(engagementId)
    void loadIdentity()
    // start pdf.js's worker and module now, while the bundle list and the PDF's bytes are on their way
    startPdfWorker()
    void import('./pdf').then((m) => m.warmWorker(), () => {})
  }, [engagementId, loadHandover, loadIdentity])
  const mine = h.engagementId === engagementId
  return (
    <>
      <BackToEngagement engagementId={engagementId} />
      <div className="page-head">
        <div>
          <h1 id="page-title">Handover</h1>
          <p className="muted subtitle">A signed bundle: the PDF, the evidence and the access inventory, verifiable offline.</p>
        </div>
      </div>
      {mine && h.error && (
        <ErrorBanner>
          <strong>That did not work.</strong> {h.error.message}
        </ErrorBanner>
      )}
      <div className="ho-stack">
        <Readiness engagementId={engagementId} />
        {mine && h.shown && (
          <section className="card" aria-labelledby="h-shown" data-testid="bundle-view">
            <h2 id="h-shown" className="card-title">
              Pages of {h.shown} {h.place && <span className="muted small">{h.place.zipSize ? `zip ${bytes(h.place.zipSize)}` : 'no zip: build the bundle again'}</span>}
            </h2>
            {h.place && <BundleActions place={h.place} />}
            <BundlePages key={h.shown} engagementId={engagementId} bundle={h.shown} />
          </section>
        )}
        <section className="card" aria-labelledby="h-bundles">
          <h2 id="h-bundles" className="card-title">
            Bundles
          </h2>
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
                  <button type="button" className="btn btn-xs" aria-pressed={h.shown === b.name} onClick={() => void showBundle(b.name)} aria-label={`Show pages of ${b.name}`}>
                    Pages
                  </button>
                  <button type="button" className="btn btn-xs" disabled={!!h.busy} onClick={() => void verifyBundleNamed(b.name)} aria-label={`Verify ${b.name}`}>
                    Verify
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {mine && <SendToFounder engagementId={engagementId} />}
        {mine && <BuiltFiles engagementId={engagementId} />}
        {mine && <VerifyReportCard />}
      </div>
    </>
  )
}
