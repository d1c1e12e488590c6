import type { RunbookSummary } from '@shared/contract/runbooks'
import type { PlanItem } from '@shared/schemas/sprint'
import { useActions, useApp } from '../../hooks/useStore'
import { failingChecks, suggestRunbooks } from '../../store/runbooks'
import { plural } from '../../lib/format'

/**
 * Under a failing item on the board: the runbook most suited to what fails (as the item's sheet
 * and the result detail choose them), one line, starting it in guided mode; the others are in
 * the item's sheet.
 */
export function RunbookHint({ engagementId, item, catalog }: { engagementId: string; item: PlanItem; catalog: RunbookSummary[] | null }) {
  const checks = useApp((s) => s.sprint.checks)
  const busy = useApp((s) => s.runbooks.busy)
  const { startGuidedRunbook, openItem } = useActions()
  const failing = failingChecks(item.results)
  const own = failing.map((c) => checks.find((x) => x.id === c)?.runbook).filter((r): r is string => !!r)
  const [first, ...more] = suggestRunbooks(failing, catalog, own)
  if (!first) return null
  return (
    <p className="item-runbook small" data-testid="runbook-hint">
      <span className="muted">Runbook:</span>{' '}
      <button type="button" className="linklike item-runbook-start" disabled={busy} title={`Start the guided runbook “${first.title}”`} onClick={() => void startGuidedRunbook(engagementId, first.id)}>
        {first.title}
      </button>
      {more.length > 0 && (
        <button type="button" className="linklike muted" onClick={() => openItem(item.id)} aria-label={`${plural(more.length, 'more runbook')} for ${item.title}`}>
          +{more.length} more
        </button>
      )}
    </p>
  )
}
