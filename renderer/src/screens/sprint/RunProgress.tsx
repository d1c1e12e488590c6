import { useActions, useApp } from '../../hooks/useStore'
import { useNow } from '../../hooks/useNow'
import { elapsed } from '../../store/activity'
import { linesToShow, runCounts, runProgress } from '../../store/runs'
import { StatusBadge } from './StatusBadge'

/**
 * The watched run: a progress bar, counts, time so far, the checks still running (each with how
 * long it has been running) above the finished ones (failures first), and Cancel.
 */
export function RunProgress() {
  const run = useApp((s) => s.run)
  const { cancelRun } = useActions()
  const now = useNow(run?.state === 'running')
  if (!run) return null
  const pct = Math.round(runProgress(run) * 100)
  const c = runCounts(run)
  const took = elapsed((run.finishedAt ?? now) - run.startedAt)
  const label =
    run.state === 'running'
      ? `Running checks: ${run.done} of ${run.total} · ${took}`
      : run.state === 'cancelled'
        ? `Run cancelled after ${run.done} of ${run.total}`
        : `Run finished: ${run.done} of ${run.total} in ${took}`
  return (
    <section className="card run-card" aria-labelledby="h-run" data-run-state={run.state}>
      <div className="run-head">
        <h2 id="h-run" className="card-title">
          {label}
        </h2>
        {run.state === 'running' && (
          <button type="button" className="btn btn-xs" onClick={() => void cancelRun()} disabled={run.cancelling}>
            {run.cancelling ? 'Cancelling…' : 'Cancel run'}
          </button>
        )}
      </div>
      <progress className="run-bar" max={run.total || 1} value={run.done} aria-labelledby="h-run">
        {pct}%
      </progress>
      <p className="small muted" role="status">
        {c.pass} pass · {c.warn} warn · {c.fail} fail · {c.error} error · {c.running} running
      </p>
      <ul className="run-lines" aria-label="Checks in this run" tabIndex={0}>
        {linesToShow(run).map((l) => (
          <li key={l.key} data-state={l.state}>
            <StatusBadge status={l.state} />
            <span className="mono">{l.checkId}</span>
            <span className="mono muted truncate" title={l.target}>
              {l.target}
            </span>
            {l.state === 'running' ? (
              <span className="small muted">running for {elapsed(now - l.startedAt)}</span>
            ) : (
              <span className="small truncate" title={l.summary}>
                {l.summary}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
