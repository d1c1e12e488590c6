import type { CheckModule } from './types'

type Mod = { check?: CheckModule; checks?: CheckModule[] }

// Every family folder's top-level files; helpers live one level deeper and are not scanned.
const modules = import.meta.glob<Mod>('./*/*.ts', { eager: true })

/** Collect check modules from loaded files; a duplicate id is a programming error and throws. */
export function collectChecks(mods: Record<string, Mod>): Map<string, CheckModule> {
  const byId = new Map<string, CheckModule>()
  for (const key of Object.keys(mods).sort()) {
    const m = mods[key]
    const list = [...(m.check ? [m.check] : []), ...(Array.isArray(m.checks) ? m.checks : [])]
    for (const c of list) {
      if (!c?.meta?.id || typeof c.run !== 'function') continue
      if (byId.has(c.meta.id)) throw new Error(`duplicate check id "${c.meta.id}" in ${key}`)
      byId.set(c.meta.id, c)
    }
  }
  return byId
}

let registry: Map<string, CheckModule> | undefined
function all(): Map<string, CheckModule> {
  return (registry ??= collectChecks(modules))
}

/** Every registered check, sorted by id. */
export function listChecks(): CheckModule[] {
  return [...all().values()].sort((a, b) => a.meta.id.localeCompare(b.meta.id))
}

/** One check by id, or undefined. */
export function getCheck(id: string): CheckModule | undefined {
  return all().get(id)
}
