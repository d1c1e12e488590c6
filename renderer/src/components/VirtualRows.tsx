import { useLayoutEffect, useRef, useState, type KeyboardEventHandler, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

export interface RowSlot {
  ref: (el: Element | null) => void
  'data-index': number
  'aria-rowindex': number
}

export interface VirtualRowsProps<T> {
  items: readonly T[]
  /** Estimated row height in px; rows are measured after render. */
  estimateSize: number
  /** Columns in the table, for the spacer rows. */
  colSpan: number
  /** The scrolling ancestor (the page's main area by default). */
  scrollElementId?: string
  /** Render one <tr>; spread `slot` onto it so it is measured and indexed. */
  renderRow(item: T, index: number, slot: RowSlot): ReactNode
  onKeyDown?: KeyboardEventHandler<HTMLTableSectionElement>
}

/**
 * A windowed <tbody> for long tables that scroll with the page: only rows near the viewport
 * exist; two aria-hidden spacer rows keep the scroll height. Table semantics stay intact
 * (the table should carry aria-rowcount; each row gets aria-rowindex).
 */
export function VirtualRows<T>({ items, estimateSize, colSpan, scrollElementId = 'content', renderRow, onKeyDown }: VirtualRowsProps<T>) {
  const body = useRef<HTMLTableSectionElement>(null)
  const [margin, setMargin] = useState(0)
  useLayoutEffect(() => {
    // where the body starts inside the scroller: the virtualizer counts rows from there
    const scroller = document.getElementById(scrollElementId)
    if (scroller && body.current) setMargin(body.current.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop)
  }, [scrollElementId])
  const v = useVirtualizer({
    count: items.length,
    getScrollElement: () => document.getElementById(scrollElementId),
    estimateSize: () => estimateSize,
    overscan: 10,
    scrollMargin: margin,
  })
  const rows = v.getVirtualItems()
  const top = rows.length ? rows[0].start - margin : 0
  const bottom = rows.length ? v.getTotalSize() - (rows[rows.length - 1].end - margin) : 0
  return (
    <tbody ref={body} onKeyDown={onKeyDown}>
      {top > 0 && (
        <tr aria-hidden="true" className="spacer" style={{ height: top }}>
          <td colSpan={colSpan} />
        </tr>
      )}
      {rows.map((r) => renderRow(items[r.index], r.index, { ref: v.measureElement, 'data-index': r.index, 'aria-rowindex': r.index + 2 }))}
      {bottom > 0 && (
        <tr aria-hidden="true" className="spacer" style={{ height: bottom }}>
          <td colSpan={colSpan} />
        </tr>
      )}
    </tbody>
  )
}
