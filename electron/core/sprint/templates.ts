import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { AppError } from '@shared/errors'
import type { Engagement } from '@shared/schemas/engagement'
import { resourcePath } from '../paths'
import type { ResolvedItem } from '@shared/schemas/sprint'
import { SEVERITIES, templateSchema, type Severity, type Template, type Thresholds } from '@shared/schemas/template'

export type { ResolvedItem }
import { parseYamlWith } from '../yaml'

export const DEFAULT_TEMPLATE = 'launch-ready'

/** Load and validate one template file. */
export function loadTemplateFile(file: string): Template {
  return parseYamlWith(readFileSync(file, 'utf8'), templateSchema, basename(file))
}

/** Bundled template ids (files in resources/templates). */
export function listTemplates(dir = resourcePath('templates')): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort()
}

export function loadTemplate(id = DEFAULT_TEMPLATE, dir = resourcePath('templates')): Template {
  if (!listTemplates(dir).includes(id)) throw new AppError('not_found', `no sprint template "${id}" (have: ${listTemplates(dir).join(', ')})`)
  return loadTemplateFile(join(dir, `${id}.yaml`))
}


export interface ResolvedTemplate {
  template: Template
  items: ResolvedItem[]
  thresholds: Thresholds
  notes: string[]
}

function shift(s: Severity, by: number): Severity {
  const i = Math.min(SEVERITIES.length - 1, Math.max(0, SEVERITIES.indexOf(s) - by))
  return SEVERITIES[i]
}

/**
 * Apply the engagement's product-stage and vertical variants: severities move one step per
 * upgrade/downgrade, thresholds are overridden. Pure; the engine never forks per variant.
 */
export function resolveTemplate(t: Template, e: Pick<Engagement, 'stage' | 'vertical'>): ResolvedTemplate {
  const variants = [t.variants.stage[e.stage], t.variants.vertical[e.vertical]].filter((v) => !!v)
  const blockOf = new Map(t.stages.map((s) => [s.id, s.block]))
  let thresholds: Thresholds = { ...t.thresholds }
  for (const v of variants) thresholds = { ...thresholds, ...v.thresholds }
  const items = t.items.map((it) => {
    let emphasis = 0
    for (const v of variants) {
      if (v.upgrade?.includes(it.id)) emphasis += 1
      if (v.downgrade?.includes(it.id)) emphasis -= 1
    }
    return { ...it, block: blockOf.get(it.stage)!, severity: shift(it.severity, emphasis), emphasis }
  })
  return { template: t, items, thresholds, notes: variants.map((v) => v.note).filter((n): n is string => !!n) }
}
