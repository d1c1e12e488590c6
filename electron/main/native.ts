import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is ABI-specific: node_modules holds the system-Node build (tests, CLI,
 * browser mode); `npm install` also prepares an Electron-ABI build at
 * native/electron/better_sqlite3.node (scripts/electron-native.mjs), used here when present.
 * A packaged app has its own rebuilt module, so it needs neither.
 */
export function electronSqliteBinding(root: string): string | undefined {
  const p = join(root, 'native', 'electron', 'better_sqlite3.node')
  return existsSync(p) ? p : undefined
}
