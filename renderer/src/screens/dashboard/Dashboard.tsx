import { useEffect } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import { AreaChart } from './AreaChart'
import { Clock } from './Clock'
import { RiskList } from './RiskList'
import { RotationAlert } from './RotationAlert'
import { RunDiff } from './RunDiff'
import { RunHistory } from './RunHistory'
import { StageBars } from './StageBars'
import { SprintTimeline } from './SprintTimeline'
import { TemplateStart } from '../sprint/TemplateStart'
import '../sprint/sprint.css'

/** The engagement's sprint at a glance: clock, stage progress, risks, results by area, changes. */
export function Dashboard({ id }: { id: string }) {
  const a = useActions()
  const sprint = useApp((s) => (s.sprint.engagementId === id ? s.sprint : null))
  const { openSprint } = a
  // actions are stable functions; the object holding them is not (it is the state snapshot)
  useEffect(() => void openSprint(id), [openSprint, id])
  const status = sprint?.status
  return (
    <section className="dashboard" aria-labelledby="h-sprint">
      <div className="page-head">
        <h2 id="h-sprint">48-hour sprint</h2>
        {status && (
          <div className="page-actions">
            <button type="button" className="btn btn-primary" onClick={() => a.navigate({ name: 'sprint', id })}>
              Open sprint board
            </button>
          </div>
        )}
      </div>
      <RotationAlert engagementId={id} />
      {sprint?.phase === 'error' && (
        <p className="banner banner-error" role="alert">
          Could not load the sprint: {sprint.error?.message} Reload the page or check that the console engine is running.
        </p>
      )}
      {!status ? (
        sprint?.phase === 'loaded' ? (
          <div className="empty card">
            <h3>No sprint yet</h3>
            <p className="muted">Start the 48-hour sprint: the plan, a clock, and every check for this engagement&apos;s stage.</p>
            <TemplateStart />
          </div>
        ) : (
          <p className="muted loading" role="status">
            Loading the sprint…
          </p>
        )
      ) : (
        <div className="detail-grid">
          <Clock msLeft={status.msLeft} blocks={status.blocks} finished={!!status.sprint.finishedAt} />
          <StageBars stages={status.stages} />
          <RiskList risks={status.risks} />
          <AreaChart engagementId={id} results={sprint.results} checks={sprint.checks} />
          <RunHistory runs={sprint.runs.slice(0, 6)} />
          <RunDiff engagementId={id} changes={sprint.changes} />
          <SprintTimeline engagementId={id} status={status} runs={sprint.runs} />
        </div>
      )}
    </section>
  )
}
