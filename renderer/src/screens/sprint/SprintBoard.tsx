import { useEffect, useMemo, useState } from 'react'
import { Icon } from '../../components/Icon'
import { useActions, useApp, useStoreApi } from '../../hooks/useStore'
import { askToNotify } from '../../bridge/notify'
import { useItemAddress } from './useItemAddress'
import { useShortcuts, type Shortcuts } from '../../hooks/useShortcuts'
import { boardItems, moveFocus } from '../../store/sprint'
import { clockText } from '../../store/sprint'
import type { PendingFile } from './files'
import { ItemRow } from './ItemRow'
import { useRunbookCatalog } from '../runbooks/useRunbookCatalog'
import { ItemSheet } from './ItemSheet'
import { RunProgress } from './RunProgress'
import { WaiveDialog } from './WaiveDialog'
import { FinishSprint } from './FinishSprint'
import { StartSprint } from './StartSprint'
import './sprint.css'
import { shortcutLabel, type ShortcutId } from '../../lib/shortcuts'

/** A board key as the shortcut table names it (single letters, no modifier). */
const key = (id: ShortcutId) => shortcutLabel(id, '', false)

/** Blocks × stages × items: run, own, note, waive and judge every item of the 48-hour plan. */
export function SprintBoard({ id }: { id: string }) {
  const a = useActions()
  const store = useStoreApi()
  const status = useApp((s) => (s.sprint.engagementId === id ? s.sprint.status : null))
  const phase = useApp((s) => s.sprint.phase)
  const focus = useApp((s) => s.sprint.focus)
  const running = useApp((s) => s.run?.state === 'running')
  // nothing has run yet, so nothing has failed yet: "Re-run failed" waits for a first run
  const neverRan = useApp((s) => s.sprint.engagementId === id && s.sprint.runs.length === 0)
  const [staged, setStaged] = useState<PendingFile[]>([])
  const { openSprint, runSprint, askWaive } = a
  // actions are stable functions; the object holding them is not (it is the state snapshot)
  useEffect(() => void openSprint(id), [openSprint, id])
  const items = useMemo(() => boardItems(status), [status])
  // a failing item shows its runbook: the catalog is fetched once something fails
  const catalog = useRunbookCatalog(id, items.some((x) => x.status === 'fail'))

  const shortcuts = useMemo<Shortcuts>(() => {
    const go = (d: number) => () => {
      const next = moveFocus(boardItems(store.getState().sprint.status), store.getState().sprint.focus, d)
      if (next) document.getElementById(`item-${next}`)?.focus()
    }
    const focused = () => store.getState().sprint.focus
    return {
      blocked: () => document.querySelector('[aria-modal="true"]') !== null,
      keys: {
        run: () => (askToNotify(), void runSprint({})),
        runFailed: () => void (store.getState().sprint.runs.length && (askToNotify(), runSprint({ failed: true }))),
        next: go(1),
        previous: go(-1),
        waive: () => void (focused() && askWaive(focused())),
      },
    }
  }, [runSprint, askWaive, store])
  useShortcuts(shortcuts)
  useItemAddress(id, !!status)

  const title = status ? status.engagement.clientName || status.engagement.domain : ''
  return (
    <>
      <a href={`#/engagements/${id}`} className="back" onClick={(e) => (e.preventDefault(), a.navigate({ name: 'engagement', id }))}>
        <Icon name="back" /> {title || 'Engagement'}
      </a>
      <div className="page-head">
        <div>
          <h1 id="page-title">Sprint board</h1>
          {status && <p className="muted subtitle">{`${title} · ${status.sprint.finishedAt ? 'Sprint finished' : clockText(status.msLeft)}`}</p>}
        </div>
        {status && (
          <div className="page-actions">
            {!status.sprint.finishedAt && <FinishSprint items={status.items} />}
            <button
              type="button"
              className="btn"
              disabled={running || neverRan}
              title={neverRan ? 'Nothing has run yet: run everything first' : undefined}
              onClick={() => (askToNotify(), void a.runSprint({ failed: true }))}
              aria-keyshortcuts={key('runFailed')}
            >
              Re-run failed
            </button>
            <button type="button" className="btn btn-primary" disabled={running} onClick={() => (askToNotify(), void a.runSprint({}))} aria-keyshortcuts={key('run')}>
              Run everything
            </button>
          </div>
        )}
      </div>
      {!status ? (
        phase === 'loaded' ? (
          <StartSprint />
        ) : (
          <p className="muted loading" role="status">
            Loading the sprint…
          </p>
        )
      ) : (
        <>
          <RunProgress />
          <p className="small muted kbd-hint">
            <kbd>{key('run')}</kbd> run everything · <kbd>{key('runFailed')}</kbd> re-run failed · <kbd>{key('next')}</kbd>/<kbd>{key('previous')}</kbd> next/previous · <kbd>Enter</kbd> open ·{' '}
            <kbd>{key('waive')}</kbd> waive · <kbd>?</kbd> all shortcuts
          </p>
          {status.blocks.map((b) => {
            const inBlock = items.filter((x) => x.block === b.id)
            if (!inBlock.length) return null
            return (
              <section key={b.id} className="card block" aria-labelledby={`h-block-${b.id}`}>
                <h2 id={`h-block-${b.id}`} className="card-title">
                  {b.title} <span className={`small block-${b.state}`}>{b.state}</span>
                </h2>
                {status.stages.map((st) => {
                  const rows = inBlock.filter((x) => x.stage === st.id)
                  if (!rows.length) return null
                  return (
                    <div key={st.id} className="stage">
                      <h3 className="stage-title" id={`h-${b.id}-${st.id}`}>
                        {st.title}
                        <button type="button" className="btn btn-xs btn-ghost" disabled={running} onClick={() => void a.runSprint({ stage: st.id })}>
                          Run stage
                        </button>
                      </h3>
                      <ul className="items" aria-labelledby={`h-${b.id}-${st.id}`}>
                        {rows.map((it) => (
                          <ItemRow key={it.id} engagementId={id} item={it} focused={focus === it.id} running={running} catalog={catalog} onDropFiles={setStaged} />
                        ))}
                      </ul>
                    </div>
                  )
                })}
              </section>
            )
          })}
        </>
      )}
      <ItemSheet staged={staged} onStaged={setStaged} />
      <WaiveDialog />
    </>
  )
}
