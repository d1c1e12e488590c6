import { networkSettingsSchema, type NetworkSettings } from '@shared/contract/settings'
import type { Db } from '../workspace/db'

interface Row {
  value: string
  updated_at: string
}

/**
 * The workspace's saved network settings, or null when none are saved. A stored document that
 * no longer validates (hand-edited, or from a newer version) counts as none rather than
 * breaking every check run; the Settings screen then shows the defaults.
 */
export function readNetworkSettings(db: Db): { value: NetworkSettings; updatedAt: string } | null {
  const row = db.prepare('SELECT value, updated_at FROM settings WHERE key = ?').get('network') as Row | undefined
  if (!row) return null
  let json: unknown
  try {
    json = JSON.parse(row.value)
  } catch {
    return null
  }
  const parsed = networkSettingsSchema.safeParse(json)
  return parsed.success ? { value: parsed.data, updatedAt: row.updated_at } : null
}

export function writeNetworkSettings(db: Db, value: NetworkSettings, now = new Date()): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES ('network', ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(value), now.toISOString())
}

export function clearNetworkSettings(db: Db): void {
  db.prepare("DELETE FROM settings WHERE key = 'network'").run()
}
