import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/tmp'

const ROOT = resolve(__dirname, '../../..')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require(join(ROOT, 'scripts', 'runtime.cjs')) as {
  MINIMUM_TEXT: string
  isSupported(v: string): boolean
  projectNode(root: string): string | undefined
}

/** A Node older than the project's minimum on this machine (the system's, on CI), if any. */
function oldNode(): string | undefined {
  const found = spawnSync('sh', ['-c', 'which -a node; ls /usr/bin/node /usr/local/bin/node 2>/dev/null'], { encoding: 'utf8' }).stdout.split('\n')
  for (const bin of new Set(found.filter(Boolean))) {
    const v = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
    if (v && !runtime.isSupported(v)) return bin
  }
  return undefined
}

describe('the project runtime', () => {
  it('needs Node 22.12 or later', () => {
    expect(runtime.MINIMUM_TEXT).toBe('22.12')
    expect(['v20.19.0', '22.11.0', '18.20.4'].map(runtime.isSupported)).toEqual([false, false, false])
    expect(['v22.12.0', '22.20.1', 'v24.22.3', '26.0.0'].map(runtime.isSupported)).toEqual([true, true, true, true])
  })

  it('is the Node that runs the tests wherever npm install brought one', () => {
    const node = runtime.projectNode(ROOT)
    if (node) expect(process.execPath).toBe(node)
    expect(runtime.isSupported(process.versions.node)).toBe(true)
  })

  const old = oldNode()
  const why = old ? '' : ' (skipped: no Node older than 22.12 on this machine)'
  const work = tempDir('handover-runtime-')
  afterAll(() => work.cleanup())

  it.skipIf(!old || !runtime.projectNode(ROOT))(`the CLI started on an older Node runs on the project's runtime${why}`, () => {
    const r = spawnSync(old!, [join(ROOT, 'bin', 'handover.js'), '--version'], { encoding: 'utf8', cwd: work.dir })
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    expect(r.status).toBe(0)
  })

  it.skipIf(!old || !runtime.projectNode(ROOT))(`the re-run on the project's runtime keeps Node's flags${why}`, () => {
    const script = join(work.dir, 'flags.cjs')
    writeFileSync(script, `require(${JSON.stringify(join(ROOT, 'scripts', 'runtime.cjs'))}).ensureSupportedNode(${JSON.stringify(ROOT)}, 'x'); console.log(JSON.stringify([process.versions.node, process.execArgv]))`)
    const r = spawnSync(old!, ['--max-semi-space-size=8', script], { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    const [version, flags] = JSON.parse(r.stdout)
    expect(runtime.isSupported(version)).toBe(true)
    expect(flags).toEqual(['--max-semi-space-size=8'])
  })

  it.skipIf(!old)(`without a runtime, an older Node gets one line saying what to install, never a stack${why}`, () => {
    // a copy of the launcher with no node_modules beside it
    for (const f of ['bin/handover.js', 'scripts/runtime.cjs', 'scripts/test.mjs']) {
      mkdirSync(join(work.dir, f, '..'), { recursive: true })
      copyFileSync(join(ROOT, f), join(work.dir, f))
    }
    for (const [file, name] of [['bin/handover.js', 'handover'], ['scripts/test.mjs', 'npm test']]) {
      const r = spawnSync(old!, [join(work.dir, file), '--version'], { encoding: 'utf8' })
      expect(r.status).toBe(1)
      expect(r.stdout).toBe('')
      const lines = r.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(new RegExp(`^${name}: needs Node\\.js 22\\.12 or later \\(Node 24 LTS recommended\\); this is Node \\d+\\.\\d+\\.\\d+\\. Run \`npm install\``))
    }
  })
})
