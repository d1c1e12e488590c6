import type { RunChanges } from '@shared/contract/checks'
import { useActions } from '../../hooks/useStore'
import { fullDate } from '../../lib/format'
import { hashOfRoute } from '../../store/routes'
import { StatusBadge } from '../sprint/StatusBadge'

/** What the newest run changed, against the results of the runs before it. */
export function RunDiff({ engagementId, changes }: { engagementId: string; changes: RunChanges | null }) {
  const { navigate } = useActions()
  const since = changes?.previousRunAt ?? null
  return (
    <section className="card span-2" aria-labelledby="h-diff">
      <h2 id="h-diff" className="card-title">
        {since ? (
          <>
            Since the run of <time dateTime={since}>{fullDate(since)}</time>
          </>
        ) : (
          'Since the last run'
        )}
      </h2>
      {!changes || !since ? (
        <p className="muted small">Changes show here after the second run: fix something, then re-run the failed items.</p>
      ) : !changes.rows.length ? (
        <p className="muted small">The latest run changed nothing.</p>
      ) : (
        <ul className="diff" data-testid="run-diff" aria-labelledby="h-diff" tabIndex={0}>
          {changes.rows.slice(0, 30).map((d) => (
            <li key={d.key}>
              {d.before ? <StatusBadge status={d.before} /> : <span className="small muted">new</span>}
              <span aria-hidden="true">→</span>
              <span className="sr-only">became</span>
              <StatusBadge status={d.after} />
              <a
                href={hashOfRoute({ name: 'result', id: engagementId, resultId: d.resultId })}
                className="mono small truncate"
                title={d.summary}
                onClick={(e) => {
                  e.preventDefault()
                  navigate({ name: 'result', id: engagementId, resultId: d.resultId })
                }}
              >
                {d.checkId}
                <span className="muted"> {d.target}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
