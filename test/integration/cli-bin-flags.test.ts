import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN } from '../helpers/cli'

// The bin starts Node with a small young generation (docs/performance.md, "memory"); a person
// runs it through its first line, so that line must start Node and the flag must be one Node takes.
describe('bin/handover.js first line', () => {
  it('names Node with the memory flags', () => {
    const first = readFileSync(BIN, 'utf8').split('\n', 1)[0]
    expect(first).toMatch(/^#!\/usr\/bin\/env -S node( --[\w-]+(=\d+)?)*$/)
    expect(first).toContain('--max-semi-space-size=8')
    expect(first).toContain('--heap-growing-percent=50')
    expect(first).toContain('--optimize-for-size')
  })

  it.skipIf(process.platform === 'win32')('runs as an executable through that line and prints the version', async () => {
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` }
    const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(BIN, ['--version'], { env, timeout: 30_000 }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }))
    })
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expect(out.stdout.trim()).toBe(JSON.parse(readFileSync(`${dirname(BIN)}/../package.json`, 'utf8')).version)
  })
})
