import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../electron/core/workspace/migrations'
import { handover } from '../../helpers/cli'
import { tempDir } from '../../helpers/tmp'

/**
 * Any number of CLI processes share a workspace: writers queue on SQLite's write lock (write
 * transactions begin IMMEDIATE and wait out the busy timeout) and processes opening a new
 * workspace at once apply its migrations exactly once. Nobody sees "database is locked".
 */
const tmp = tempDir('handover-concurrency-')
afterAll(() => tmp.cleanup())

const clean = (r: { code: number | null; stderr: string }) => {
  expect(r.stderr).not.toMatch(/locked|busy|SqliteError|already exists|\n\s+at /i)
  expect(r.code, r.stderr).toBe(0)
}

describe('workspace concurrency', () => {
  it('5 processes opening a new workspace at once all succeed; each migration is applied once', async () => {
    const ws = join(tmp.dir, 'fresh')
    const runs = await Promise.all(Array.from({ length: 5 }, () => handover(['--workspace', ws, 'engagement', 'list', '--json'], { timeoutMs: 90_000 })))
    for (const r of runs) {
      clean(r)
      expect(JSON.parse(r.stdout)).toEqual([])
    }
    const db = new Database(join(ws, 'workspace.sqlite'), { readonly: true })
    try {
      expect(db.prepare('SELECT id FROM migrations ORDER BY id').pluck().all()).toEqual(MIGRATIONS.map((m) => m.id))
    } finally {
      db.close()
    }
  }, 120_000)

  it('30 parallel `engagement add` on one workspace all succeed', async () => {
    const ws = join(tmp.dir, 'shared')
    clean(await handover(['--workspace', ws, 'engagement', 'list'], { timeoutMs: 60_000 }))
    const runs = await Promise.all(Array.from({ length: 30 }, (_, i) => handover(['--workspace', ws, 'engagement', 'add', `client${i}.example`, '--hosts', 'www,app', '--json'], { timeoutMs: 150_000 })))
    runs.forEach(clean)
    const list = await handover(['--workspace', ws, 'engagement', 'list', '--json'])
    clean(list)
    expect((JSON.parse(list.stdout) as { domain: string }[]).map((e) => e.domain).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `client${i}.example`).sort())
  }, 200_000)
})
