import { existsSync } from 'node:fs'
import path from 'node:path'
import { AppError } from '@shared/errors'
import { parseYamlWith } from '../../core/yaml'
import { readRegularFile } from '../../core/files/read'
import { resourcePath } from '../../core/paths'
import { mergeFix } from './merge'
import { scenarioSchema, type Scenario } from './schema'

/** A scenario file is refused above this size before it is read (the bundled ones are under 20 KB). */
export const MAX_SCENARIO_BYTES = 1024 * 1024

/** The bundled scenarios, by name. */
export const BUNDLED_SCENARIOS = ['demo', 'healthy', 'hostile'] as const

/** Where a scenario name or path points: bundled names map to resources/scenarios/<name>.yaml. */
export function scenarioPath(nameOrPath: string): string {
  if ((BUNDLED_SCENARIOS as readonly string[]).includes(nameOrPath)) return resourcePath('scenarios', `${nameOrPath}.yaml`)
  return path.resolve(nameOrPath)
}

/**
 * Parse and validate scenario text. Any problem is one AppError line:
 * `file:line:col: field.path: what was expected`. Every fix is checked too (merged, then validated).
 */
export function parseScenario(text: string, file = 'scenario.yaml'): Scenario {
  const s = parseYamlWith(text, scenarioSchema, file)
  for (const name of Object.keys(s.fixes)) applyFixTo(s, name, file)
  return s
}

/** Load a bundled scenario by name (`demo`, `healthy`, `hostile`) or a scenario file by path. */
export function loadScenario(nameOrPath: string): Scenario {
  const file = scenarioPath(nameOrPath)
  if (!existsSync(file)) {
    throw new AppError('invalid_input', `no scenario "${nameOrPath}": not a bundled name (${BUNDLED_SCENARIOS.join(', ')}) nor a file`)
  }
  return parseScenario(readRegularFile(file, { max: MAX_SCENARIO_BYTES, label: 'scenario file' }).toString('utf8'), path.basename(file))
}

/** The scenario after a named fix (validated); the fixes themselves carry over. */
export function applyFixTo(s: Scenario, name: string, file = 'scenario'): Scenario {
  const fix = s.fixes[name]
  if (!fix) throw new AppError('not_found', `the scenario has no fix "${name}" (it has: ${Object.keys(s.fixes).join(', ') || 'none'})`)
  const { description: _d, ...patch } = fix
  const merged = mergeFix({ ...s, fixes: {} }, patch) as Record<string, unknown>
  const r = scenarioSchema.safeParse(merged)
  if (!r.success) {
    const i = r.error.issues[0]
    throw new AppError('invalid_input', `${file}: fixes.${name}: ${i.path.join('.')}: ${i.message}`)
  }
  return { ...r.data, fixes: s.fixes }
}
