import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { templateSchema, type Template } from '../../../shared/schemas/template'

/**
 * Build time only (electron.vite.config.ts fills ./precompiled.ts with it): every template in
 * `dir` that parses and passes the template schema, validated now, keyed by its whole text. A
 * file with a problem gets no entry: the run-time parse reports it, with its line.
 */
export function precompileTemplates(dir: string, onFile: (file: string) => void = () => {}): Map<string, Template> {
  const entries = new Map<string, Template>()
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
    const file = join(dir, f)
    onFile(file)
    const text = readFileSync(file, 'utf8')
    const doc = parseDocument(text, { prettyErrors: false })
    if (doc.errors.length) continue
    const checked = templateSchema().safeParse(doc.toJS({ maxAliasCount: 100 }))
    if (checked.success) entries.set(text, checked.data)
  }
  return entries
}
