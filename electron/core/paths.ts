import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

let root: string | undefined

/**
 * The project root (the folder with this app's package.json): found by walking up from this
 * module, which works from the sources under vitest and from the bundle in out/main/.
 * HANDOVER_ROOT overrides (a packaged app points it at its resources folder).
 */
export function projectRoot(): string {
  if (root) return root
  if (process.env.HANDOVER_ROOT) return (root = process.env.HANDOVER_ROOT)
  let dir = __dirname
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'handover-console') return (root = dir)
      } catch {
        // not ours; keep walking
      }
    }
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return (root = process.cwd())
}

/** A path under resources/ (templates, runbooks, scenarios, fonts). */
export function resourcePath(...parts: string[]): string {
  return join(projectRoot(), 'resources', ...parts)
}
