import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { handover } from '../helpers/cli'
import { tempDir } from '../helpers/tmp'

const tmp = tempDir('handover-cold-start-')
afterAll(() => tmp.cleanup())

/** Run the built bin and return what it loaded (test/helpers/loaded.cjs). */
async function loadedBy(args: string[], env: NodeJS.ProcessEnv, name: string) {
  const file = join(tmp.dir, `${name}.json`)
  const r = await handover(args, { env: { ...env, HANDOVER_TEST_LOADED_FILE: file }, nodeArgs: ['--require', join(__dirname, '..', 'helpers', 'loaded.cjs')] })
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return { ...r, ...(JSON.parse(readFileSync(file, 'utf8')) as { builtins: string[]; packages: string[] }) }
}

// The speed is the bench's (cli.cold_start); this holds the reason for it: `engagement list` loads
// no dependency it does not use (docs/performance.md, "cli.cold_start").
describe('what `handover engagement list` loads', () => {
  it('lists engagements and a sprint with SQLite alone: no YAML, no public suffix list, no crypto, no keychain, no child processes', async () => {
    const env = { HANDOVER_WORKSPACE: join(tmp.dir, 'ws') }
    // Adding an engagement checks the domain (tldts) and hashes evidence (node:crypto): the same hook sees them.
    const added = await loadedBy(['engagement', 'add', 'a.example', '--hosts', 'www'], env, 'add')
    expect(added.packages).toContain('tldts')
    expect(added.builtins).toContain('crypto')
    for (const d of ['b', 'c']) expect((await handover(['engagement', 'add', `${d}.example`], { env })).code).toBe(0)
    expect((await handover(['sprint', 'start', 'a.example'], { env })).code).toBe(0)

    const listed = await loadedBy(['engagement', 'list'], env, 'list')
    expect(listed.stdout.split('\n').filter((l) => /\.example/.test(l))).toHaveLength(3)
    expect(listed.stdout).toMatch(/a\.example .* h left · worst: /)
    expect(listed.packages).toEqual(['better-sqlite3'])
    // (node:net is there: stdout is a pipe here, a net.Socket)
    for (const builtin of ['crypto', 'child_process', 'tls', 'http', 'zlib']) expect(listed.builtins).not.toContain(builtin)
  })
})
