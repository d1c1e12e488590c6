import type { AppEvent, MenuCommand } from '@shared/events'
import type { AppStore } from '../store'
import type { Transport } from '../transport/types'
import { label } from '../store/engagements'
import { notifyRunEnd } from './notify'

/**
 * The one place main→renderer events enter the UI: subscribe once, write into the store.
 * engagements.changed refetches the list (another window or the CLI may have changed it);
 * a reconnect refetches too, since events may have been missed. sprint.changed and
 * run.finished refetch the list's summaries (sprint clock, worst risk). A burst of events
 * costs at most two fetches of each: one in flight and one queued. Returns the unsubscribe.
 */
export function startEventBridge(store: AppStore, transport: Transport): () => void {
  const s = () => store.getState()
  const refresh = coalesced(() => s().refreshEngagements())
  const refreshSummaries = coalesced(() => s().loadSummaries())
  const refreshQueue = coalesced(() => s().loadQueue())
  const onEvent = (e: AppEvent): void => {
    switch (e.type) {
      case 'engagements.changed':
        if (e.change === 'removed') s().engagementRemovedElsewhere(e.id)
        refresh()
        break
      case 'sprint.changed':
      case 'run.started':
      case 'check.started':
      case 'check.finished':
      case 'run.finished':
        s().sprintEvent(e)
        if (e.type !== 'sprint.changed') s().portfolioEvent(e)
        if (e.type !== 'sprint.changed') s().activityEvent(e)
        if (e.type === 'run.finished') {
          s().refreshAfterRun(e.engagementId)
          // a run may have joined the offline queue or emptied it
          if (s().queue.runs) refreshQueue()
          const run = s().activity.find((r) => r.runId === e.runId)
          const eng = s().engagements.items.find((x) => x.id === e.engagementId)
          if (run && s().info?.mode === 'browser') notifyRunEnd(run, eng ? label(eng) : 'An engagement')
        }
        if (e.type === 'sprint.changed' || e.type === 'run.finished') refreshSummaries()
        break
      case 'settings.changed':
        s().settingsChangedElsewhere()
        break
      case 'menu.command':
        menuCommand(s(), e.command)
        break
      default:
        break
    }
  }
  return transport.subscribe(onEvent, {
    onStatus: (c) => s().setConnection(c),
    onResync: refresh,
  })
}

/** Run `fetch` now, or once more after the one in flight when called again meanwhile. */
function coalesced(fetch: () => Promise<unknown>): () => void {
  let inflight = false
  let queued = false
  const run = (): void => {
    if (inflight) {
      queued = true
      return
    }
    inflight = true
    void fetch().finally(() => {
      inflight = false
      if (queued) {
        queued = false
        run()
      }
    })
  }
  return run
}

/** The Electron application menu's commands, mapped to the same actions as the shortcuts. */
function menuCommand(a: ReturnType<AppStore['getState']>, command: MenuCommand): void {
  if (command === 'new-engagement') a.openCreate()
  else if (command === 'palette') a.setPalette(true)
  else if (command === 'settings') a.navigate({ name: 'settings' })
  else a.navigate({ name: 'engagements' })
}
