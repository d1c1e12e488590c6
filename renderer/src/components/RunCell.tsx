import type { RowRun } from '../store/portfolio'

/** One engagement's "Run all" progress in the list: queued, checks done of total, or the outcome. */
export function RunCell({ run, domain }: { run: RowRun | undefined; domain: string }) {
  if (!run) return <td className="run-cell muted small">—</td>
  return (
    <td className="run-cell" data-testid="run-cell" data-state={run.state}>
      {run.state === 'queued' && <span className="small muted">Queued</span>}
      {run.state === 'running' && (
        <>
          <progress max={run.total || 1} value={run.done} aria-label={`Audit of ${domain}: ${run.done} of ${run.total} checks`} />
          <div className="small muted num">
            {run.done}/{run.total} checks
          </div>
        </>
      )}
      {run.state === 'done' && (
        <span className={`small ${run.failed ? 'run-bad' : 'muted'}`} title={run.failed ? `${run.failed} checks failed or errored` : 'No check failed or errored'}>
          {run.failed ? `Done · ${run.failed} failed` : 'Done'}
        </span>
      )}
      {run.state === 'cancelled' && <span className="small muted">Cancelled</span>}
    </td>
  )
}
