import { useEffect } from 'react'
import type { CheckResultInfo } from '@shared/contract/checks'
import { useActions, useApp } from '../../hooks/useStore'
import { WaiveDialog } from '../sprint/WaiveDialog'

/**
 * Re-run this check for the engagement (a real run: the run indicator shows it, then the new
 * result opens), and Waive the sprint item this check belongs to with the board's waiver form.
 */
export function ResultActions({ result }: { result: CheckResultInfo }) {
  const rerun = useApp((s) => s.result.rerun)
  const running = useApp((s) => s.run?.state === 'running' && s.run.engagementId === result.engagementId)
  const sprintFor = useApp((s) => s.sprint.engagementId)
  const item = useApp((s) => (s.sprint.engagementId === result.engagementId ? s.sprint.status?.items.find((x) => x.checks.includes(result.checkId)) : undefined))
  const { rerunResult, askWaive, openSprint } = useActions()
  useEffect(() => {
    if (sprintFor !== result.engagementId) void openSprint(result.engagementId)
  }, [sprintFor, result.engagementId, openSprint])
  const canWaive = !!item && result.status !== 'pass' && !item.waiver
  return (
    <div className="result-actions">
      <button type="button" className="btn" id="result-rerun" disabled={!!rerun || running} onClick={() => void rerunResult(result.engagementId, result.checkId, result.target)}>
        {rerun ? 'Re-running…' : 'Re-run'}
      </button>
      {item?.waiver ? (
        <span className="small muted">Waived until {item.waiver.expiresAt}</span>
      ) : (
        <button
          type="button"
          className="btn"
          id="result-waive"
          disabled={!canWaive}
          title={!item ? 'This check is not part of a sprint item: start the sprint to waive it' : result.status === 'pass' ? 'Nothing to waive: it passes' : undefined}
          onClick={() => item && askWaive(item.id)}
        >
          Waive…
        </button>
      )}
      <WaiveDialog />
    </div>
  )
}
