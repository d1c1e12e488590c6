import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'
import type { z } from 'zod'
import { AppError } from '@shared/errors'

type YamlLib = typeof Yaml
let lib: YamlLib | undefined

/**
 * The yaml package, loaded on the first parse: it is ~25–50 ms of a command's cold start, and a
 * bundled sprint template is read from its build-time parse (../sprint/precompiled.ts) without it.
 */
function yaml(): YamlLib {
  return (lib ??= createRequire(__filename)('yaml') as YamlLib)
}

/** Templates and runbooks read from disk are refused above this size (the bundled ones are under 25 KB). */
export const MAX_YAML_FILE_BYTES = 1024 * 1024

/**
 * Parse YAML and validate it with a zod schema; any problem becomes one AppError line naming
 * the file, line and column, the field path, and what was expected.
 */
export function parseYamlWith<T>(text: string, schema: z.ZodType<T>, file: string): T {
  const { LineCounter, parseDocument } = yaml()
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  if (doc.errors.length) {
    const e = doc.errors[0]
    const pos = lines.linePos(e.pos[0])
    throw new AppError('invalid_input', `${file}:${pos ? `${pos.line}:${pos.col}` : '1:1'}: ${e.message.split('\n')[0]}`)
  }
  let value: unknown
  try {
    // Unknown anchors and alias bombs fail here (the yaml library caps alias expansion).
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    throw new AppError('invalid_input', `${file}:1:1: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const node = nodeAt(doc.contents, issue.path as (string | number)[])
  const pos = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 }
  const path = issue.path.join('.') || '(top level)'
  throw new AppError('invalid_input', `${file}:${pos.line}:${pos.col}: ${path}: ${issue.message}`)
}

/** The deepest YAML node along a path (for a line number even when the leaf is missing). */
function nodeAt(root: unknown, path: (string | number)[]): Yaml.Node | undefined {
  const { isMap, isSeq } = yaml()
  let node = root as Yaml.Node | undefined
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key)
      if (!pair) return node
      node = (pair.value as Yaml.Node) ?? (pair.key as Yaml.Node)
    } else if (isSeq(node) && typeof key === 'number') {
      const next = node.items[key] as Yaml.Node | undefined
      if (!next) return node
      node = next
    } else return node
  }
  return node
}
