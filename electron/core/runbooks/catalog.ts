import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '@shared/errors'
import { runbookSchema, type Runbook } from '@shared/schemas/runbook'
import { resourcePath } from '../paths'
import { parseYamlWith } from '../yaml'

/** Every runbook in resources/runbooks, validated (a broken file fails loudly with its line). */
export function loadRunbooks(dir = resourcePath('runbooks')): Runbook[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseYamlWith(readFileSync(join(dir, f), 'utf8'), runbookSchema, f))
}

export function getRunbook(id: string, dir?: string): Runbook {
  const r = loadRunbooks(dir).find((x) => x.id === id)
  if (!r) throw new AppError('not_found', `no runbook "${id}" (see: handover runbook list)`)
  return r
}
