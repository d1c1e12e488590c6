import type { RunInfo } from '@shared/contract/checks'
import { fullDate, plural } from '../../lib/format'
import { runBadges } from '../../store/sprint'
import { StatusBadge } from '../sprint/StatusBadge'

/** The newest runs: when, how each ended when not finished, and its outcomes as small badges. */
export function RunHistory({ runs }: { runs: RunInfo[] }) {
  return (
    <section className="card" aria-labelledby="h-runs">
      <h2 id="h-runs" className="card-title">
        Runs
      </h2>
      {!runs.length ? (
        <p className="muted small">No runs yet. Run the checks from the sprint board.</p>
      ) : (
        <ol className="run-history" data-testid="run-history">
          {runs.map((r) => (
            <li key={r.id} data-run-status={r.status}>
              <time className="small" dateTime={r.startedAt}>
                {fullDate(r.startedAt)}
              </time>
              <span className="small muted">{plural(r.total, 'check')}</span>
              <span className="run-counts">
                {r.status !== 'finished' && <StatusBadge status={r.status} />}
                {runBadges(r.counts).map((b) => (
                  <span key={b.status} className={`st st-${b.status} st-count`}>
                    {b.n} {b.status}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
