import type { Db } from './db'

/**
 * Ordered schema migrations. Each file in ./migrations/ exports `migration` with an id
 * that sorts in order ("001-engagements"); they are discovered at build time, applied once
 * and recorded in the `migrations` table. Never edit a landed migration: add a new one.
 * Id ranges by area: 001–009 workspace, 010–019 evidence, 020–029 vault, 030–039 checks,
 * 040–049 sprint, 050–059 handover, 060–069 runbooks, 070–079 settings, 085–089 probes.
 */
export interface Migration {
  id: string
  sql: string
  /** Data work the SQL cannot do, run after it in the same transaction. */
  run?: (db: Db) => void
}

/**
 * Migration order: by id, compared code unit by code unit (ids start with their number). Not
 * localeCompare: its first call sets up ICU's collator, ~8 ms of every CLI command's start.
 */
export function byId(a: Migration, b: Migration): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const modules = import.meta.glob<{ migration: Migration }>('./migrations/*.ts', { eager: true })

export const MIGRATIONS: Migration[] = Object.values(modules)
  .map((m) => m.migration)
  .sort(byId)
