import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useActions, useApp, useStoreApi } from '../../hooks/useStore'
import { activeFilters, type EvidenceFilters } from '../../store/evidence'
import { filtersFromHash, hashWithFilters, sameFilters } from '../../store/evidenceUrl'
import { routeFromHash } from '../../store/routes'
import { fullDate, plural, relativeTime } from '../../lib/format'
import { BackToEngagement } from '../../components/BackToEngagement'
import { VirtualRows } from '../../components/VirtualRows'
import type { TimelineItem } from '@shared/contract/evidence'
import { StatusTag } from '../results/StatusTag'
import { EvidenceFilterBar } from './EvidenceFilterBar'
import { EvidencePanel } from './EvidencePanel'
import './evidence.css'
import { ErrorBanner } from '../../components/ErrorBanner'

function moveFocus(e: KeyboardEvent<HTMLTableSectionElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.row-open')]
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement)
  if (i === -1) return
  e.preventDefault()
  buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))].focus()
}

/**
 * Every evidence item of an engagement, newest first, filtered and paged by keyset: only rows
 * near the viewport are in the DOM, and the next page loads as the end comes into view.
 */
export function EvidenceScreen({ engagementId }: { engagementId: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const ev = useApp((s) => s.evidence)
  const openId = ev.open?.id
  const { loadTimeline, loadMoreTimeline, openEvidence } = useActions()
  const store = useStoreApi()
  const sentinel = useRef<HTMLDivElement>(null)

  // the filters live in the address (a filtered view is a link, and survives a reload)
  useEffect(() => {
    void loadTimeline(engagementId, filtersFromHash(window.location.hash))
  }, [engagementId, loadTimeline])
  // and the list follows the address while on this screen: a link or the palette with other
  // filters, Back and Forward between filtered views (the route itself stays the same)
  useEffect(() => {
    const follow = () => {
      const r = routeFromHash(window.location.hash)
      if (r?.name !== 'evidence' || r.id !== engagementId) return
      const f = filtersFromHash(window.location.hash)
      const ev = store.getState().evidence
      if (ev.engagementId !== engagementId || !sameFilters(ev.filters, f)) void loadTimeline(engagementId, f)
    }
    window.addEventListener('hashchange', follow)
    window.addEventListener('popstate', follow)
    return () => {
      window.removeEventListener('hashchange', follow)
      window.removeEventListener('popstate', follow)
    }
  }, [engagementId, loadTimeline, store])
  const apply = (f: EvidenceFilters) => {
    history.replaceState(history.state, '', hashWithFilters(window.location.hash, f))
    void loadTimeline(engagementId, f)
  }

  useEffect(() => {
    const el = sentinel.current
    if (!el) return
    // fetch the next page well before the end is visible, so scrolling rarely waits
    const io = new IntersectionObserver((es) => es.some((x) => x.isIntersecting) && void loadMoreTimeline(), {
      root: document.getElementById('content'),
      rootMargin: '1200px 0px',
    })
    io.observe(el)
    return () => io.disconnect()
  }, [loadMoreTimeline, ev.rows.length])

  const row = (it: TimelineItem, slot: object) => (
    <tr key={it.id} {...slot} className={`row-link${openId === it.id ? ' row-selected' : ''}`} onClick={() => void openEvidence(it.id)} data-testid="evidence-row">
      <td className="nowrap" title={fullDate(it.createdAt)}>
        {relativeTime(it.createdAt)}
      </td>
      <td>
        <StatusTag status={it.status} />
      </td>
      <td>
        <button type="button" className="row-open" aria-current={openId === it.id ? 'true' : undefined} onClick={(x) => (x.stopPropagation(), void openEvidence(it.id))}>
          {it.label}
        </button>
        <div className="small muted mono">
          {it.kind}
          {it.checkId ? ` · ${it.checkId}` : ''}
        </div>
      </td>
      <td className="mono small ev-target">{it.target ?? ''}</td>
    </tr>
  )

  return (
    <>
      <BackToEngagement engagementId={engagementId} />
      <div className="page-head">
        <div>
          <h1 id="page-title">Evidence</h1>
          <p className="muted subtitle" role="status">
            {ev.loading && !ev.rows.length ? 'Loading…' : `${plural(ev.total, 'item')}${ev.rows.length < ev.total ? `, ${ev.rows.length} loaded` : ''}`}
          </p>
        </div>
      </div>
      <EvidenceFilterBar key={engagementId} value={ev.engagementId === engagementId ? ev.filters : filtersFromHash(window.location.hash)} onApply={apply} />
      {ev.error && (
        <ErrorBanner>
          <strong>The evidence could not be loaded.</strong> {ev.error.message} Check the filters (dates as YYYY-MM-DD) and apply again.
        </ErrorBanner>
      )}
      <div className={`ev-layout${ev.open || ev.openError ? ' ev-layout-open' : ''}`}>
        {!ev.loading && !ev.error && ev.rows.length === 0 ? (
          <div className="empty card">
            {activeFilters(ev.filters) > 0 ? (
              <>
                <h2>Nothing matches</h2>
                <p>No evidence item matches this search and these filters: loosen or clear them above.</p>
              </>
            ) : (
              <>
                <h2>No evidence yet</h2>
                <p className="muted">
                  Evidence is recorded by every check run: DNS answers, HTTP exchanges, certificates. Run the sprint or an audit, or from a terminal:{' '}
                  <code>handover audit {e?.domain ?? engagementId}</code>
                </p>
              </>
            )}
          </div>
        ) : (
          <div className="card table-card">
            <table className="table" aria-label="Evidence items" aria-rowcount={Math.max(ev.total, ev.rows.length) + 1} data-testid="evidence-list">
              <thead>
                <tr aria-rowindex={1}>
                  <th scope="col">When</th>
                  <th scope="col">Status</th>
                  <th scope="col">Item</th>
                  <th scope="col">Target</th>
                </tr>
              </thead>
              <VirtualRows items={ev.rows} estimateSize={57} colSpan={4} onKeyDown={moveFocus} renderRow={(it, _i, slot) => row(it, slot)} />
            </table>
            <div ref={sentinel} className="ev-sentinel">
              {ev.next !== null && (
                <button type="button" className="btn btn-ghost" disabled={ev.loading} onClick={() => void loadMoreTimeline()}>
                  {ev.loading ? 'Loading older items…' : 'Load older items'}
                </button>
              )}
            </div>
          </div>
        )}
        <EvidencePanel engagementId={engagementId} />
      </div>
    </>
  )
}
