import { useEffect } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { checkOf } from '../../store/results'
import { fullDate, plural, relativeTime } from '../../lib/format'
import { EvidenceBody } from './EvidenceBody'
import { StatusTag } from './StatusTag'
import './results.css'
import { ErrorBanner } from '../../components/ErrorBanner'
import { InjectionCases } from './InjectionCases'
import { ResultBack } from './ResultBack'
import { ResultActions } from './ResultActions'
import { SuggestedRunbooks } from '../runbooks/SuggestedRunbooks'

/** One check result: what it found, why it matters, how to fix it, the evidence and the history. */
export function ResultDetail({ engagementId, resultId }: { engagementId: string; resultId: number }) {
  const r = useApp((s) => s.result)
  const { loadResult } = useActions()
  useEffect(() => {
    if (r.resultId !== resultId) void loadResult(resultId)
  }, [resultId, r.resultId, loadResult])
  const d = r.data?.id === resultId ? r.data : null
  const check = d ? checkOf(r.catalog, d.checkId) : null
  const back = <ResultBack engagementId={engagementId} />
  if (r.error && r.resultId === resultId)
    return (
      <>
        {back}
        <h1 id="page-title">Result {resultId}</h1>
        <ErrorBanner>
          <strong>This result cannot be shown.</strong> {r.error.message} Open the evidence timeline and pick the check again.
        </ErrorBanner>
      </>
    )
  if (!d)
    return (
      <p className="muted loading" role="status">
        Loading the result…
      </p>
    )
  return (
    <>
      {back}
      <div className="page-head">
        <div>
          <h1 id="page-title">{check?.title ?? d.checkId}</h1>
          <p className="muted subtitle">
            <span className="mono">{d.checkId}</span> on <span className="mono">{d.target}</span> <StatusTag status={d.status} />
          </p>
        </div>
        <ResultActions result={d} />
      </div>
      <div className="detail-grid">
        <section className="card span-2" aria-labelledby="h-found">
          <h2 id="h-found" className="card-title">What we found</h2>
          <p className="result-summary">{d.summary}</p>
          <p className="muted small">
            {fullDate(d.finishedAt)} · took {d.durationMs} ms · run <span className="mono">{d.runId}</span>
          </p>
        </section>
        <section className="card" aria-labelledby="h-why">
          <h2 id="h-why" className="card-title">Why it matters</h2>
          <p>{check?.why ?? <span className="muted">This check has no catalog entry in this version.</span>}</p>
        </section>
        <section className="card" aria-labelledby="h-fix">
          <h2 id="h-fix" className="card-title">How to fix</h2>
          <p>{check?.fix ?? <span className="muted">No fix recorded.</span>}</p>
          {d.status !== 'pass' && <SuggestedRunbooks engagementId={d.engagementId} failing={[d.checkId]} own={check?.runbook ? [check.runbook] : []} heading="Guided runbooks" />}
        </section>
        {d.checkId === 'ai.injection' && <InjectionCases details={d.details} />}
        <section className="card span-2" aria-labelledby="h-evidence">
          <h2 id="h-evidence" className="card-title">
            Evidence <span className="muted small">{plural(d.evidence.length, 'item')}</span>
          </h2>
          <ol className="ev-list">
            {d.evidence.map((e) => (
              <li key={e.id} className="ev-item">
                <h3 className="ev-title">
                  {e.label} <span className="badge">{e.kind}</span>
                </h3>
                <EvidenceBody data={e.data} />
                <p className="small muted hash">
                  SHA-256 <span className="mono">{e.hash}</span>
                </p>
              </li>
            ))}
          </ol>
        </section>
        <section className="card span-2" aria-labelledby="h-history">
          <h2 id="h-history" className="card-title">History of this check on {d.target}</h2>
          {r.history.length ? (
            <ol className="history">
              {r.history.map((h) => (
                <li key={h.id}>
                  <StatusTag status={h.status} /> <span title={fullDate(h.createdAt)}>{relativeTime(h.createdAt)}</span>{' '}
                  <span className="muted small truncate">{h.label}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">This is the first run of this check here: later runs will line up below it.</p>
          )}
        </section>
      </div>
    </>
  )
}
