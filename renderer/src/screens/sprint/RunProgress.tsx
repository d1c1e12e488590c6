import { useActions, useApp } from '../../hooks/useStore'
import { runCounts, runProgress } from '../../store/runs'
import { StatusBadge } from './StatusBadge'

/** The watched run: a progress bar, counts, the live list of checks, and Cancel. */
export function RunProgress() {
  const run = useApp((s) => s.run)
  const { cancelRun } = useActions()
  if (!run) return null
  const pct = Math.round(runProgress(run) * 100)
  const c = runCounts(run)
  const label = run.state === 'running' ? `Running checks: ${run.done} of ${run.total}` : run.state === 'cancelled' ? `Run cancelled after ${run.done} of ${run.total}` : `Run finished: ${run.done} of ${run.total}`
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
        {run.lines.map((l) => (
          <li key={l.key}>
            <StatusBadge status={l.state} />
            <span className="mono">{l.checkId}</span>
            <span className="mono muted truncate">{l.target}</span>
            <span className="small truncate">{l.summary}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
