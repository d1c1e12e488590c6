import type { AppEvent } from '@shared/events'
import type { Core } from '../core/api'
import { runOutcome } from '@shared/run-outcome'

/** What main needs to tell the person a run ended: whether they are looking, and the OS notice. */
export interface RunNoticeDeps {
  /** The app window has focus: the board's own card says it, no OS notice. */
  isFocused(): boolean
  show(title: string, body: string): void
}

/** "Acme Launch: 3 fail · 1 error · 2 warn of 32 checks" (or "no failures", "cancelled", or the network was not sound). */
export async function runNotice(core: Core, e: Extract<AppEvent, { type: 'run.finished' }>): Promise<{ title: string; body: string }> {
  const eng = await Promise.resolve(core.api.getEngagement({ id: e.engagementId })).catch(() => null)
  const name = eng ? eng.clientName.trim() || eng.domain : 'An engagement'
  const runs = await Promise.resolve(core.api.listRuns({ engagementId: e.engagementId, limit: 5 })).catch(() => [])
  const run = runs.find((r) => r.id === e.runId)
  if (e.cancelled) return { title: 'Run cancelled', body: name }
  if (!run) return { title: 'Run finished', body: name }
  // the renderer's own words for the same run (one vocabulary: an error is not a fail)
  const found = runOutcome({ cancelled: false, done: run.total, total: run.total, fail: run.counts.fail, error: run.counts.error, warn: run.counts.warn, waiting: e.waiting })
  return { title: 'Run finished', body: `${name}: ${found}${e.waiting ? '' : ` of ${run.total} checks`}` }
}

/**
 * The desktop app's end-of-run notification: when a run ends while the window does not have
 * focus (another app in front, or minimised), an OS notification says what it found. Returns
 * the unsubscribe.
 */
export function notifyRunEnds(core: Core, deps: RunNoticeDeps): () => void {
  return core.events.on((e) => {
    if (e.type !== 'run.finished' || deps.isFocused()) return
    void runNotice(core, e).then(
      (n) => deps.show(n.title, n.body),
      () => undefined,
    )
  })
}
