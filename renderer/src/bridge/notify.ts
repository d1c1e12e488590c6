import { runOutcome, type RunActivity } from '../store/activity'

/**
 * Browser mode's end-of-run notification (the desktop app's comes from main, as an OS
 * notification): shown only when the tab is hidden, and only once the person allowed it.
 */
export function notifyRunEnd(run: RunActivity, engagement: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !document.hidden) return
  const title = run.cancelled ? 'Run cancelled' : 'Run finished'
  try {
    new Notification(title, { body: `${engagement}: ${runOutcome(run)} of ${run.total} checks`, tag: run.runId })
  } catch {
    // some browsers only allow notifications from a service worker: the in-page notice remains
  }
}

/**
 * Ask once, on a click that starts a run (browsers ask only in answer to a gesture), whether the
 * app may say when a run ends while the tab is hidden.
 */
export function askToNotify(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined)
}
