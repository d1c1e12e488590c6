import { readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { AppError } from '@shared/errors'
import type { Engagement } from '@shared/schemas/engagement'
import { resourcePath } from '../paths'
import type { ResolvedItem } from '@shared/schemas/sprint'
import { SEVERITIES, templateSchema, type Severity, type Template, type Thresholds } from '@shared/schemas/template'

export type { ResolvedItem }
import { parseYamlWith, MAX_YAML_FILE_BYTES } from '../yaml'
import { readRegularFile } from '../files/read'
import { PRECOMPILED } from './precompiled'

export const DEFAULT_TEMPLATE = 'launch-ready'

/** Load and validate one template file. */
export function loadTemplateFile(file: string): Template {
  const text = readRegularFile(file, { max: MAX_YAML_FILE_BYTES, label: 'template' }).toString('utf8')
  // The very text the build parsed and validated (./precompile.ts): its template, as parsing it would give.
  const built = PRECOMPILED.get(text)
  if (built !== undefined) return structuredClone(built)
  return parseYamlWith(text, templateSchema(), basename(file))
}

/** Bundled template ids (files in resources/templates). */
export function listTemplates(dir = resourcePath('templates')): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort()
}

// Parsed templates by file, while the file is unchanged: parsing and validating one costs
// ~5 ms, and the sprint status and the engagement list ask for them over and over.
const parsed = new Map<string, { mtimeMs: number; size: number; template: Template }>()

function unchanged(file: string): Template | null {
  const hit = parsed.get(file)
  if (!hit) return null
  try {
    const st = statSync(file)
    return st.mtimeMs === hit.mtimeMs && st.size === hit.size ? hit.template : null
  } catch {
    return null
  }
}

/** A bundled (or `dir`'s) template by id. Shared and frozen: copy before changing anything. */
export function loadTemplate(id = DEFAULT_TEMPLATE, dir = resourcePath('templates')): Template {
  const file = join(dir, `${id}.yaml`)
  const cached = unchanged(file)
  if (cached) return cached
  if (!listTemplates(dir).includes(id)) throw new AppError('not_found', `no sprint template "${id}" (have: ${listTemplates(dir).join(', ')})`)
  const st = statSync(file)
  const template = deepFreeze(loadTemplateFile(file))
  parsed.set(file, { mtimeMs: st.mtimeMs, size: st.size, template })
  return template
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const x of Object.values(v)) deepFreeze(x)
  }
  return v
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
