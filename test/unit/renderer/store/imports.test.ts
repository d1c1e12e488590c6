import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const STORE = resolve(__dirname, '../../../../renderer/src/store')

/** Every .ts file under a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

/** The store files a file imports (type-only imports included: they made the old cycle). */
function storeImports(file: string): string[] {
  const src = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), m[1]!)
    const hit = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p))
    if (hit?.startsWith(STORE)) out.push(hit)
  }
  return out
}

/** The first import cycle found by depth-first search, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n]
    state.set(n, 'open')
    path.push(n)
    for (const m of graph.get(n) ?? []) {
      const c = visit(m)
      if (c) return c
    }
    path.pop()
    state.set(n, 'done')
    return null
  }
  for (const n of graph.keys()) {
    const c = visit(n)
    if (c) return c
  }
  return null
}

describe('the store modules', () => {
  const all = files(STORE)
  const graph = new Map(all.map((f) => [f, storeImports(f)]))

  it('import each other without a cycle: slices take their types from store/types', () => {
    expect(all.length).toBeGreaterThan(20)
    expect(findCycle(graph)?.map((p) => relative(STORE, p)) ?? null).toBeNull()
  })

  it('never import store/index.ts from a slice', () => {
    const index = join(STORE, 'index.ts')
    const importers = all.filter((f) => graph.get(f)!.includes(index)).map((f) => relative(STORE, f))
    expect(importers).toEqual([])
  })

  it('finds a cycle when there is one (the check can fail)', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a'])
  })
})
