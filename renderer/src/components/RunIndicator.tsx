import { useActions, useApp } from '../hooks/useStore'
import { useNow } from '../hooks/useNow'
import { elapsed, runningNow, runOutcome } from '../store/activity'
import { label } from '../store/engagements'
import { Icon } from './Icon'

/**
 * The global run indicator in the top bar, on every screen: the run in progress (checks done,
 * time so far) and, once it ends, what it found, until opened or dismissed. Either opens the
 * engagement's sprint board.
 */
export function RunIndicator() {
  const activity = useApp((s) => s.activity)
  const engagements = useApp((s) => s.engagements.items)
  const route = useApp((s) => s.ui.route)
  const { navigate, dismissActivity } = useActions()
  const running = runningNow(activity)
  const now = useNow(running.length > 0)
  const name = (id: string) => {
    const e = engagements.find((x) => x.id === id)
    return e ? label(e) : 'an engagement'
  }
  const open = (engagementId: string) => navigate({ name: 'sprint', id: engagementId })
  // a finished run's notice, unless its board is what is showing (the card there says it)
  const ended = activity.find((r) => r.finishedAt !== null && !(route.name === 'sprint' && route.id === r.engagementId))
  const first = running[0]
  return (
    <div className="run-indicator" role="status" aria-live="polite" data-testid="run-indicator">
      {first ? (
        <button type="button" className="badge badge-run" onClick={() => open(first.engagementId)} title={`Open the sprint board of ${name(first.engagementId)}`}>
          <span className="run-dot" aria-hidden="true" />
          Running {first.done}/{first.total || '…'} · {elapsed(now - first.startedAt)}
          {running.length > 1 && <span className="muted"> +{running.length - 1}</span>}
          <span className="sr-only"> on {name(first.engagementId)}</span>
        </button>
      ) : (
        ended && (
          <span className={`badge badge-ended${ended.fail || ended.error || ended.waiting ? ' badge-ended-fail' : ''}`}>
            <button type="button" className="linklike" title={`Run ${ended.cancelled ? 'cancelled' : 'finished'}: ${runOutcome(ended)} on ${name(ended.engagementId)}`} onClick={() => (dismissActivity(ended.runId), open(ended.engagementId))}>
              Run {ended.cancelled ? 'cancelled' : 'finished'}: {runOutcome(ended)}
              <span className="sr-only"> on {name(ended.engagementId)}</span>
            </button>
            <button type="button" className="icon-btn" aria-label="Dismiss the run notice" onClick={() => dismissActivity(ended.runId)}>
              <Icon name="close" size={12} />
            </button>
          </span>
        )
      )}
    </div>
  )
}
