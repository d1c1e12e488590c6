import type { DriftReport } from '../handover/drift'
import type { Workspace } from '../workspace'
import { alertsFor, type Alert } from './alerts'
import type { NotifyConfig } from './config'
import { composeMessage, sendEmail, sendWebhook } from './notify'
import { markSent, reconcile, type Channel, type DueAlert } from './state'

export { notifyConfig, NOTIFY_ENV, type NotifyConfig } from './config'
export { CERT_ALERT_DAYS, DOMAIN_ALERT_DAYS } from './alerts'

/** Days after which an alert still open is sent again, unless `--remind-days` says otherwise. */
export const DEFAULT_REMIND_DAYS = 7

/** What one `watch` run raised and delivered. */
export interface WatchResult {
  checkedAt: string
  alerts: (Alert & { status: 'new' | 'reminder' | 'open' })[]
  /** Alerts delivered per configured channel this run (null: channel not configured). */
  delivered: Record<Channel, number | null>
  /** One line per channel that refused or could not be reached; its alerts stay due for the next run. */
  failures: string[]
  /** Keys of alerts that were open and are no longer raised. */
  cleared: string[]
}

/**
 * Turn drift reports into alerts, remember them in the workspace and deliver what is due: each
 * alert once per channel, then a reminder every `remindDays` while it stays open. A channel that
 * fails keeps its alerts due, so the next run tries again; the other channel is not held back.
 */
export async function deliverAlerts(o: { workspace: Workspace; reports: DriftReport[]; config: NotifyConfig; remindDays: number; now?: Date }): Promise<WatchResult> {
  const now = o.now ?? new Date()
  const alerts = o.reports.flatMap((r) => alertsFor(o.workspace, r, now))
  const channels: Channel[] = [...(o.config.webhook ? (['webhook'] as const) : []), ...(o.config.email ? (['email'] as const) : [])]
  const { due, fresh, cleared } = reconcile(o.workspace.db, alerts, o.reports.map((r) => r.domain), { now, remindDays: o.remindDays, channels })
  const delivered: WatchResult['delivered'] = { webhook: o.config.webhook ? 0 : null, email: o.config.email ? 0 : null }
  const failures: string[] = []
  const send = async (ch: Channel, list: DueAlert[]) => {
    if (!list.length) return
    const m = composeMessage(list)
    try {
      if (ch === 'webhook') await sendWebhook(o.config.webhook!, m)
      else await sendEmail(o.config.email!, m)
      markSent(o.workspace.db, list.map((a) => a.key), ch, now)
      delivered[ch] = list.length
    } catch (e) {
      failures.push(`${ch}: ${(e as Error).message.split('\n')[0]}`)
    }
  }
  await Promise.all(channels.map((ch) => send(ch, due[ch])))
  // new: first raised this run; reminder: sent before and due again; open: sent, not due yet
  const status = (a: Alert) => (fresh.includes(a.key) ? 'new' : (channels.map((ch) => due[ch].find((d) => d.key === a.key)?.status).find(Boolean) ?? 'open'))
  return { checkedAt: now.toISOString(), alerts: alerts.map((a) => ({ ...a, status: status(a) })), delivered, failures, cleared }
}
