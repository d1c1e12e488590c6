import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const ENTRY = resolve(ROOT, 'renderer/src/main.tsx')

/** The first-render chunk must not carry these: form validation loads them on demand. */
const LATE_PACKAGES = ['zod', 'tldts']

/** The modules a file loads at once: static imports and re-exports, type-only ones left out. */
function staticImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const out: string[] = []
  for (const s of src.statements) {
    if (ts.isImportDeclaration(s)) {
      const c = s.importClause
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : null
      // the bundler drops an import whose every name is a type
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)))
      if (!typeOnly) out.push((s.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) {
      out.push((s.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return out
}

/** A source file for a relative or '@shared/' specifier; a package's name for anything else. */
function resolveSpecifier(from: string, spec: string): { file: string } | { pkg: string } | null {
  const base = spec.startsWith('@shared/') ? resolve(ROOT, 'shared', spec.slice(8)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null
  if (!base) return { pkg: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]! }
  const file = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((x) => base + x).find(existsSync)
  return file ? { file } : null // a stylesheet or asset
}

/** Each package reached from the entry by static imports, with the chain of files that reaches it. */
function packagesReached(entry: string): Map<string, string[]> {
  const via = new Map<string, string | null>([[entry, null]])
  const queue = [entry]
  const pkgs = new Map<string, string[]>()
  const chain = (f: string): string[] => {
    const out: string[] = []
    for (let at: string | null | undefined = f; at; at = via.get(at)) out.unshift(relative(ROOT, at))
    return out
  }
  for (let i = 0; i < queue.length && i < 5000; i++) {
    const file = queue[i]!
    for (const spec of staticImports(file)) {
      const r = resolveSpecifier(file, spec)
      if (!r) continue
      if ('pkg' in r) {
        if (!pkgs.has(r.pkg)) pkgs.set(r.pkg, [...chain(file), r.pkg])
      } else if (!via.has(r.file)) {
        via.set(r.file, file)
        queue.push(r.file)
      }
    }
  }
  return pkgs
}

describe('the renderer entry chunk', () => {
  it('reaches neither zod nor tldts by static imports (the engagement form and the schemas load on demand)', () => {
    const reached = packagesReached(ENTRY)
    expect(reached.has('react')).toBe(true) // the walk does follow the app's imports
    const late = LATE_PACKAGES.filter((p) => reached.has(p)).map((p) => reached.get(p)!.join(' → '))
    expect(late).toEqual([])
  })

  it('finds them where they are: the engagement form, loaded lazily, validates with both', () => {
    const reached = packagesReached(resolve(ROOT, 'renderer/src/components/EngagementForm.tsx'))
    expect(LATE_PACKAGES.filter((p) => reached.has(p))).toEqual(LATE_PACKAGES)
  })

  it('ignores type-only imports and follows re-exports', () => {
    const file = resolve(ROOT, 'renderer/src/store/types/index.ts')
    const src = readFileSync(file, 'utf8')
    expect(src).toMatch(/^import type .* from '\.\.\/form'/m)
    expect(staticImports(file)).not.toContain('../form')
  })
})
