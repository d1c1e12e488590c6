import type { DiffRow } from '../../store/sprint'
import { StatusBadge } from '../sprint/StatusBadge'

/** What changed between the two latest runs. */
export function RunDiff({ diff }: { diff: DiffRow[] | null }) {
  return (
    <section className="card" aria-labelledby="h-diff">
      <h2 id="h-diff" className="card-title">
        Since the last run
      </h2>
      {diff === null ? (
        <p className="muted small">Changes show here after the second run: fix something, then re-run the failed items.</p>
      ) : !diff.length ? (
        <p className="muted small">Nothing changed between the last two runs.</p>
      ) : (
        <ul className="diff" data-testid="run-diff" aria-labelledby="h-diff" tabIndex={0}>
          {diff.slice(0, 30).map((d) => (
            <li key={d.key}>
              {d.before ? <StatusBadge status={d.before} /> : <span className="small muted">new</span>}
              <span aria-hidden="true">→</span>
              <span className="sr-only">became</span>
              <StatusBadge status={d.after} />
              <span className="mono small">{d.checkId}</span>
              <span className="mono small muted truncate">{d.target}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
