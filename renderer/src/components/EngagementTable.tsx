import type { KeyboardEvent } from 'react'
import type { Engagement } from '@shared/schemas/engagement'
import type { EngagementSummary } from '@shared/schemas/summary'
import { useActions } from '../hooks/useStore'
import { label } from '../store/engagements'
import { fullDate, plural, relativeTime } from '../lib/format'
import { relativeHost } from '../store/form'
import { StagePill } from './StagePill'
import { RiskCell, SprintCell } from './SummaryCells'
import { RunCell } from './RunCell'
import type { RowRun } from '../store/portfolio'
import { VirtualRows, type RowSlot } from './VirtualRows'

/** Above this many rows only the visible ones are rendered. */
export const VIRTUALIZE_OVER = 100

/** Arrow keys move between the rows' open buttons. */
function moveFocus(e: KeyboardEvent<HTMLTableSectionElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.row-open')]
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement)
  if (i === -1) return
  e.preventDefault()
  buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))].focus()
}

/** Columns in the table (the virtual path's spacer rows span them all); one more while "Run all" shows. */
const COLUMNS = 6

/**
 * The engagement list: each row opens its engagement (click, or Enter on the name). `summaries`
 * add the sprint clock and the worst open risk; `sort` marks the column the order follows.
 */
export function EngagementTable({ items, summaries, sort, runs = {} }: { items: Engagement[]; summaries: Record<string, EngagementSummary>; sort: 'updated' | 'risk'; runs?: Record<string, RowRun> }) {
  const { navigate } = useActions()
  const now = Date.now()
  const open = (id: string) => navigate({ name: 'engagement', id })
  const showRuns = Object.keys(runs).length > 0

  const row = (e: Engagement, slot?: RowSlot) => {
    const others = e.hosts.filter((h) => h.name !== e.domain)
    return (
      <tr key={e.id} {...slot} className="row-link" onClick={() => open(e.id)} data-testid="engagement-row">
        <td>
          <button type="button" className="row-open" onClick={(ev) => (ev.stopPropagation(), open(e.id))}>
            {label(e)}
          </button>
          <div className="small muted">{e.founderName || e.founderEmail || 'No founder contact yet'}</div>
        </td>
        <td>
          <div className="mono domain-name">{e.domain}</div>
          <div className="small muted">
            {plural(e.hosts.length, 'host')}
            <span className="host-preview mono">
              {others.slice(0, 3).map((h) => relativeHost(h.name, e.domain)).join(' · ')}
              {others.length > 3 ? ' …' : ''}
            </span>
          </div>
        </td>
        <td>
          <StagePill stage={e.stage} />
        </td>
        <SprintCell summary={summaries[e.id]} now={now} />
        <RiskCell summary={summaries[e.id]} />
        {showRuns && <RunCell run={runs[e.id]} domain={e.domain} />}
        <td className="num muted" title={fullDate(e.updatedAt)}>
          {relativeTime(e.updatedAt, now)}
        </td>
      </tr>
    )
  }

  const virtual = items.length > VIRTUALIZE_OVER
  return (
    <div className={showRuns ? 'card table-card with-runs' : 'card table-card'}>
      <table className="table" aria-rowcount={virtual ? items.length + 1 : undefined} aria-label="Engagements">
        <thead>
          <tr aria-rowindex={virtual ? 1 : undefined}>
            <th scope="col">Client</th>
            <th scope="col">Domain</th>
            <th scope="col">Stage</th>
            <th scope="col">Sprint</th>
            <th scope="col" aria-sort={sort === 'risk' ? 'descending' : undefined}>
              Worst open risk
            </th>
            {showRuns && (
              <th scope="col" className="run-cell">
                Audit
              </th>
            )}
            <th scope="col" className="num" aria-sort={sort === 'updated' ? 'descending' : undefined}>
              Updated
            </th>
          </tr>
        </thead>
        {virtual ? (
          // 65 px: a row's height at common widths; a wrong guess costs a second render of every row
          <VirtualRows items={items} estimateSize={65} colSpan={COLUMNS + (showRuns ? 1 : 0)} onKeyDown={moveFocus} renderRow={(e, _i, slot) => row(e, slot)} />
        ) : (
          <tbody onKeyDown={moveFocus}>{items.map((e) => row(e))}</tbody>
        )}
      </table>
    </div>
  )
}
