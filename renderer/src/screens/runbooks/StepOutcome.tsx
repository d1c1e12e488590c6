import type { RunbookView } from '@shared/contract/runbooks'
import { useActions } from '../../hooks/useStore'
import { StatusTag } from '../results/StatusTag'

/** What a verify step found: passed or not, and each check's result with a link to its evidence. */
export function StepOutcome({ outcome, engagementId }: { outcome: NonNullable<RunbookView['outcome']>; engagementId: string }) {
  const { navigate, openEvidence } = useActions()
  return (
    <div className={`rb-outcome ${outcome.passed ? 'rb-pass' : 'rb-fail'}`} role="status">
      <p>
        <strong>{outcome.passed ? 'Verified.' : outcome.waiting ? 'Not yet: waiting for the change to take effect.' : 'Not fixed yet.'}</strong> {outcome.message}
      </p>
      <ul className="rb-checks">
        {outcome.checks.map((c) => (
          <li key={`${c.id}@${c.target}`}>
            <StatusTag status={c.status} /> <span className="mono">{c.id}</span> on <span className="mono">{c.target}</span>: {c.summary}{' '}
            {c.evidenceId !== null && (
              <button
                type="button"
                className="btn btn-xs btn-ghost"
                onClick={() => {
                  navigate({ name: 'evidence', id: engagementId })
                  void openEvidence(c.evidenceId!)
                }}
              >
                Evidence
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
