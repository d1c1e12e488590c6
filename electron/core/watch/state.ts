import type { Db } from '../workspace/db'
import type { Alert } from './alerts'

/** A notification channel `watch` delivers on. */
export type Channel = 'webhook' | 'email'

/** An alert due on a channel this run: never sent there (new), or sent long enough ago (reminder). */
export interface DueAlert extends Alert {
  status: 'new' | 'reminder'
  firstSeen: string
}

interface Row {
  key: string
  first_seen: string
  sent_webhook: string | null
  sent_email: string | null
  cleared_at: string | null
}

const DAY = 86_400_000

/**
 * Record this run's alerts in the workspace: new ones are inserted, ones seen before are
 * refreshed (an alert that had cleared and came back starts over as new), and open alerts of the
 * domains checked that are no longer raised are cleared. Returns the keys first raised now, and
 * per channel what is due: never
 * sent there, or sent at least `remindDays` ago (0: never remind).
 */
export function reconcile(db: Db, alerts: Alert[], checkedDomains: string[], o: { now: Date; remindDays: number; channels: Channel[] }): { due: Record<Channel, DueAlert[]>; fresh: string[]; cleared: string[] } {
  const at = o.now.toISOString()
  const due: Record<Channel, DueAlert[]> = { webhook: [], email: [] }
  const cleared: string[] = []
  const fresh: string[] = []
  db.transaction(() => {
    const get = db.prepare<[string], Row>('SELECT key, first_seen, sent_webhook, sent_email, cleared_at FROM watch_alerts WHERE key = ?')
    for (const a of alerts) {
      let row = get.get(a.key)
      if (!row || row.cleared_at) {
        db.prepare('INSERT INTO watch_alerts (key, domain, kind, headline, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET headline = excluded.headline, first_seen = excluded.first_seen, last_seen = excluded.last_seen, sent_webhook = NULL, sent_email = NULL, cleared_at = NULL').run(a.key, a.domain, a.kind, a.headline, at, at)
        row = { key: a.key, first_seen: at, sent_webhook: null, sent_email: null, cleared_at: null }
        fresh.push(a.key)
      } else db.prepare('UPDATE watch_alerts SET headline = ?, last_seen = ? WHERE key = ?').run(a.headline, at, a.key)
      for (const ch of o.channels) {
        const sent = ch === 'webhook' ? row.sent_webhook : row.sent_email
        if (!sent) due[ch].push({ ...a, status: 'new', firstSeen: row.first_seen })
        else if (o.remindDays > 0 && o.now.getTime() - Date.parse(sent) >= o.remindDays * DAY) due[ch].push({ ...a, status: 'reminder', firstSeen: row.first_seen })
      }
    }
    const raised = new Set(alerts.map((a) => a.key))
    const open = db.prepare<[string], { key: string }>('SELECT key FROM watch_alerts WHERE domain = ? AND cleared_at IS NULL')
    for (const d of checkedDomains) {
      for (const { key } of open.all(d)) {
        if (raised.has(key)) continue
        db.prepare('UPDATE watch_alerts SET cleared_at = ? WHERE key = ?').run(at, key)
        cleared.push(key)
      }
    }
  })()
  return { due, fresh, cleared }
}

/** Record that these alerts were delivered on a channel (after the channel accepted them). */
export function markSent(db: Db, keys: string[], channel: Channel, now: Date): void {
  const column = channel === 'webhook' ? 'sent_webhook' : 'sent_email'
  const stmt = db.prepare(`UPDATE watch_alerts SET ${column} = ? WHERE key = ?`)
  db.transaction(() => {
    for (const k of keys) stmt.run(now.toISOString(), k)
  })()
}
