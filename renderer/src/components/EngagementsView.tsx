import { useEffect, useMemo } from 'react'
import { useActions, useApp, useStoreApi } from '../hooks/useStore'
import { filterEngagements } from '../store/engagements'
import { sortList, summariesFresh, type ListSort } from '../store/summaries'
import { plural } from '../lib/format'
import { EmptyState } from './EmptyState'
import { EngagementTable } from './EngagementTable'
import { Icon } from './Icon'
import { ImportButton } from './TransferButtons'
import { ErrorBanner } from './ErrorBanner'
import { OfflineQueue } from './OfflineQueue'
import { portfolioBusy, type RowRun } from '../store/portfolio'

/** Audits every engagement shown (the filter applies), a few at a time; each row shows its progress. */
function RunAllButton({ runs, ids, onRun }: { runs: Record<string, RowRun>; ids: string[]; onRun(ids: string[]): void }) {
  const busy = portfolioBusy({ rows: runs, runs: {}, error: null })
  const finished = Object.values(runs).filter((r) => r.state === 'done' || r.state === 'cancelled').length
  const total = Object.keys(runs).length
  return (
    <>
      <button type="button" className="btn" disabled={busy || !ids.length} onClick={() => onRun(ids)}>
        <Icon name="check" /> {busy ? 'Running…' : ids.length === 1 ? 'Run audit' : `Run all (${ids.length})`}
      </button>
      <span className="sr-only" role="status">
        {total ? `${finished} of ${total} audits finished` : ''}
      </span>
    </>
  )
}

/** The Engagements screen: filter, list, and the way to create one. */
export function EngagementsView() {
  const items = useApp((s) => s.engagements.items)
  const status = useApp((s) => s.engagements.status)
  const error = useApp((s) => s.engagements.error)
  const filter = useApp((s) => s.ui.filter)
  const sort = useApp((s) => s.ui.listSort)
  const summaries = useApp((s) => s.summaries.byId)
  const summariesError = useApp((s) => s.summaries.error)
  const runs = useApp((s) => s.portfolio.rows)
  const { setFilter, setListSort, openCreate, refreshEngagements, loadSummaries, runAll } = useActions()
  const shown = useMemo(() => sortList(filterEngagements(items, filter), summaries, sort), [items, filter, summaries, sort])
  // back on the list: clocks moved and credentials may have changed since the last fetch (one
  // under way or just answered, as at start-up, is as fresh as a new one)
  const store = useStoreApi()
  useEffect(() => {
    if (!summariesFresh(store.getState().summaries)) void loadSummaries()
  }, [loadSummaries, store])

  return (
    <>
      <div className="page-head">
        <div>
          <h1 id="page-title">Engagements</h1>
          <p className="muted">
            {items.length ? `${plural(items.length, 'engagement')} · ${sort === 'risk' ? 'most at risk first' : 'most recently updated first'}` : 'Your sprints, one per founder product.'}
          </p>
        </div>
        {items.length > 0 && (
          <div className="page-actions">
            <div className="search">
              <Icon name="search" />
              <label htmlFor="filter" className="sr-only">
                Filter engagements
              </label>
              <input
                id="filter"
                type="search"
                className="input"
                placeholder="Filter by client, domain or host"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                onKeyDown={(e) => e.key === 'Escape' && (setFilter(''), e.currentTarget.blur())}
                aria-keyshortcuts="/"
              />
              <kbd className="search-kbd" aria-hidden="true">/</kbd>
            </div>
            <label className="sort-control">
              <span className="small muted">Order</span>
              <select className="input" value={sort} onChange={(e) => setListSort(e.target.value as ListSort)}>
                <option value="updated">Recently updated</option>
                <option value="risk">Most at risk</option>
              </select>
            </label>
            <RunAllButton runs={runs} ids={shown.map((e) => e.id)} onRun={(ids) => void runAll(ids)} />
            <ImportButton />
            <button type="button" className="btn btn-primary" onClick={openCreate} aria-keyshortcuts="N">
              <Icon name="plus" /> New engagement
            </button>
          </div>
        )}
      </div>
      {summariesError && !error && items.length > 0 && (
        <ErrorBanner onRetry={() => void loadSummaries()}>Could not load the sprint clocks and risks: {summariesError.message}</ErrorBanner>
      )}
      {error && (
        <ErrorBanner onRetry={() => void refreshEngagements()}>Could not load engagements: {error.message}</ErrorBanner>
      )}
      <OfflineQueue />
      {items.length === 0 && status !== 'error' ? (
        <EmptyState />
      ) : shown.length === 0 && filter ? (
        <div className="card no-match" role="status">
          <p>
            No engagement matches “{filter}”. Filters look at client, founder, domain, hosts, stage and vertical.
          </p>
          <button type="button" className="btn" onClick={() => setFilter('')}>
            Clear filter
          </button>
        </div>
      ) : (
        shown.length > 0 && <EngagementTable items={shown} summaries={summaries} sort={sort} runs={runs} />
      )}
    </>
  )
}
