import { useEffect } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { relativeTime } from '../../lib/format'
import { fillText } from '../../store/runbooks'
import { BackToEngagement } from '../../components/BackToEngagement'
import './runbooks.css'
import { ErrorBanner } from '../../components/ErrorBanner'
import { SuggestedRunbooks } from './SuggestedRunbooks'

const SEVERITY: Record<string, string> = { 'launch-blocker': 'Launch blocker', 'conversion-blocker': 'Conversion blocker', 'scale-risk': 'Scale risk' }

/** The runbook catalog for an engagement, with unfinished runs first so they can be resumed. */
export function RunbooksScreen({ engagementId }: { engagementId: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const rb = useApp((s) => s.runbooks)
  const { loadRunbooks, startGuidedRunbook, navigate, loadLatestResults } = useActions()
  const latest = useApp((s) => (s.result.latest?.engagementId === engagementId ? s.result.latest.items : null))
  useEffect(() => {
    void loadRunbooks(engagementId)
    void loadLatestResults(engagementId)
  }, [engagementId, loadRunbooks, loadLatestResults])
  const failing = [...new Set((latest ?? []).filter((r) => r.status === 'fail' || r.status === 'error').map((r) => r.checkId))]
  const titleOf = (id: string) => rb.catalog?.find((c) => c.id === id)?.title ?? id
  return (
    <>
      <BackToEngagement engagementId={engagementId} />
      <div className="page-head">
        <div>
          <h1 id="page-title">Runbooks</h1>
          <p className="muted subtitle">Guided fixes, one step at a time, verified by the checks.</p>
        </div>
      </div>
      {rb.error && (
        <ErrorBanner>{rb.error.message}</ErrorBanner>
      )}
      {rb.engagementId === engagementId && rb.openRuns.length > 0 && (
        <section className="card rb-section" aria-labelledby="h-open-runs">
          <h2 id="h-open-runs" className="card-title">In progress</h2>
          <ul className="rb-list">
            {rb.openRuns.map((r) => (
              <li key={r.id}>
                <div>
                  <strong>{titleOf(r.runbookId)}</strong>
                  <div className="small muted" data-testid="open-run-meta">
                    Started {relativeTime(r.startedAt)}
                    {r.by.trim() ? ` by ${r.by}` : ''} · step {r.progress.number} of {r.progress.total}
                    {r.stepTitle ? `: ${r.stepTitle}` : ''}
                  </div>
                </div>
                <button type="button" className="btn btn-primary" aria-label={`Resume ${titleOf(r.runbookId)}`} onClick={() => navigate({ name: 'runbook', id: engagementId, runId: r.id })}>
                  Resume
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {failing.length > 0 && (
        <section className="card rb-section" aria-labelledby="h-suggested">
          <h2 id="h-suggested" className="card-title">
            Suggested by what is failing
          </h2>
          <SuggestedRunbooks engagementId={engagementId} failing={failing} heading="" />
        </section>
      )}
      <section className="card rb-section" aria-labelledby="h-catalog">
        <h2 id="h-catalog" className="card-title">All runbooks</h2>
        {!rb.catalog ? (
          <p className="muted" role="status">
            Loading runbooks…
          </p>
        ) : (
          <ul className="rb-list">
            {rb.catalog.map((c) => (
              <li key={c.id} data-testid="runbook-row">
                <div>
                  <strong>{c.title}</strong> <span className={`badge rb-sev rb-${c.severity}`}>{SEVERITY[c.severity] ?? c.severity}</span>
                  <div className="small muted">
                    {fillText(c.summary, e?.domain)} · {c.steps} steps
                  </div>
                </div>
                <button type="button" className="btn" disabled={rb.busy} onClick={() => void startGuidedRunbook(engagementId, c.id)} aria-label={`Start ${c.title}`}>
                  Start
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
