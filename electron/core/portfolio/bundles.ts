import type { Db } from '../workspace/db'

/** Where a domain's latest handover bundle lives on this machine. */
export interface BundleLocation {
  domain: string
  dir: string
  recordedAt: string
}

/** Remember the bundle folder for a domain (the latest one built or drifted here wins). */
export function recordBundleLocation(db: Db, domain: string, dir: string, now = new Date()): void {
  db.prepare('INSERT INTO bundle_locations (domain, dir, recorded_at) VALUES (?, ?, ?) ON CONFLICT(domain) DO UPDATE SET dir = excluded.dir, recorded_at = excluded.recorded_at').run(domain, dir, now.toISOString())
}

/** Every remembered bundle, by domain: what `drift --all` and `watch --all` go over. */
export function listBundleLocations(db: Db): BundleLocation[] {
  return (db.prepare('SELECT domain, dir, recorded_at FROM bundle_locations ORDER BY domain').all() as { domain: string; dir: string; recorded_at: string }[]).map((r) => ({ domain: r.domain, dir: r.dir, recordedAt: r.recorded_at }))
}
