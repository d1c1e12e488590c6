import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '@shared/errors'
import { runbookSchema, type Runbook } from '@shared/schemas/runbook'
import { resourcePath } from '../paths'
import { parseYamlWith, MAX_YAML_FILE_BYTES } from '../yaml'
import { readRegularFile } from '../files/read'

/** Every runbook in resources/runbooks, validated (a broken file fails loudly with its line). */
export function loadRunbooks(dir = resourcePath('runbooks')): Runbook[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseYamlWith(readRegularFile(join(dir, f), { max: MAX_YAML_FILE_BYTES, label: 'runbook' }).toString('utf8'), runbookSchema, f))
}

export function getRunbook(id: string, dir?: string): Runbook {
  const r = loadRunbooks(dir).find((x) => x.id === id)
  if (!r) throw new AppError('not_found', `no runbook "${id}" (see: handover runbook list)`)
  return r
}
