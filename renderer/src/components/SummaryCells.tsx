import type { EngagementSummary } from '@shared/schemas/summary'
import { clockLabel, rotationBadge } from '../store/summaries'
import { plural } from '../lib/format'
import { StatusBadge } from '../screens/sprint/StatusBadge'
import '../screens/sprint/sprint.css'
import './summary.css'

/** The Sprint column: the 48-hour clock and items done (a bar for the eye, the count in words). */
export function SprintCell({ summary, now }: { summary: EngagementSummary | undefined; now: number }) {
  const p = summary?.progress
  const state = summary?.sprint.state ?? 'none'
  return (
    <td className="sprint-cell">
      {summary ? <div className={`clock-line clock-${state}`}>{clockLabel(summary.sprint, now)}</div> : <span className="muted small">—</span>}
      {p && p.total > 0 && (
        <div className="progress-line small muted">
          <span className="progress-bar" aria-hidden="true">
            <span style={{ width: `${Math.round((p.done / p.total) * 100)}%` }} />
          </span>
          {p.done}/{p.total} done
        </div>
      )}
    </td>
  )
}

/** The Worst open risk column: the sprint's first risk, what fails, and credentials due for rotation. */
export function RiskCell({ summary }: { summary: EngagementSummary | undefined }) {
  const rot = summary ? rotationBadge(summary.rotation) : null
  const counts = summary ? [summary.open.fail && `${summary.open.fail} failing`, summary.open.warn && plural(summary.open.warn, 'warning')].filter(Boolean).join(' · ') : ''
  return (
    <td className="risk-cell">
      {!summary ? (
        <span className="muted small">—</span>
      ) : summary.worstRisk ? (
        <div className="worst-risk">
          <StatusBadge status={summary.worstRisk.status} /> <span className="worst-title" title={summary.worstRisk.title}>{summary.worstRisk.title}</span>
        </div>
      ) : (
        <span className="muted small">{summary.sprint.state === 'none' ? 'No sprint yet' : 'None open'}</span>
      )}
      {(counts || rot) && (
        <div className="risk-meta small">
          {counts && <span className="muted">{counts}</span>}
          {rot && (
            <span className={`st st-${rot.state === 'overdue' ? 'fail' : 'warn'} rot-badge`} title={rot.detail}>
              {rot.text}
            </span>
          )}
        </div>
      )}
    </td>
  )
}
