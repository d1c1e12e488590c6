import { useState, type DragEvent } from 'react'
import type { PlanItem } from '@shared/schemas/sprint'
import { useActions } from '../../hooks/useStore'
import { readFiles, type PendingFile } from './files'
import { StatusBadge } from './StatusBadge'
import { RunbookHint } from './RunbookHint'
import type { RunbookSummary } from '@shared/contract/runbooks'

/**
 * One item on the board. The row is focusable (j/k move, Enter opens); a manual item takes
 * files dropped onto it and opens with them staged for the verdict.
 */
export function ItemRow({
  engagementId,
  item,
  focused,
  running,
  catalog,
  onDropFiles,
}: {
  engagementId: string
  item: PlanItem
  focused: boolean
  running: boolean
  /** The runbook catalog, for a failing item's runbook (null: not loaded, none shown). */
  catalog: RunbookSummary[] | null
  onDropFiles(f: PendingFile[]): void
}) {
  const { openItem, focusItem, updateItem, runSprint } = useActions()
  const [owner, setOwner] = useState(item.owner)
  const [over, setOver] = useState(false)
  const drop = (e: DragEvent) => {
    if (!item.manual) return
    e.preventDefault()
    setOver(false)
    void readFiles(e.dataTransfer.files).then((f) => {
      onDropFiles(f)
      openItem(item.id)
    })
  }
  const saveOwner = () => void (owner !== item.owner && updateItem(item.id, { owner }))
  return (
    <li
      className={`item${focused ? ' focused' : ''}${over ? ' over' : ''}`}
      data-testid="sprint-item"
      data-item={item.id}
      data-status={item.status}
      onDragOver={(e) => item.manual && (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <button
        type="button"
        className="item-open"
        id={`item-${item.id}`}
        aria-current={focused ? 'true' : undefined}
        onFocus={() => focusItem(item.id)}
        onClick={() => openItem(item.id)}
      >
        <StatusBadge status={item.status} />
        <span className="item-title">{item.title}</span>
        <span className="item-tags">
          <span className={`sev sev-${item.severity}`}>{item.severity}</span>
          {item.manual && <span className="small muted">manual</span>}
          {item.warnings > 0 && <span className="small muted">{item.warnings} warn</span>}
        </span>
      </button>
      <input
        className="input owner"
        aria-label={`Owner of ${item.title}`}
        placeholder="Owner"
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        onBlur={saveOwner}
        onKeyDown={(e) => e.key === 'Enter' && saveOwner()}
      />
      {item.checks.length > 0 ? (
        <button type="button" className="btn btn-xs" disabled={running} onClick={() => void runSprint({ itemId: item.id })} aria-label={`Run ${item.title}`}>
          Run
        </button>
      ) : (
        <span className="btn-xs-spacer" />
      )}
      {item.status === 'fail' && <RunbookHint engagementId={engagementId} item={item} catalog={catalog} />}
      {item.notes && <p className="item-notes small muted truncate">{item.notes}</p>}
    </li>
  )
}
