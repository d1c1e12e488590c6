import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, openDatabase } from '../../../electron/core/workspace/db'
import { MIGRATIONS } from '../../../electron/core/workspace/migrations'
import { defaultWorkspaceDir, resolveWorkspaceDir } from '../../../electron/core/workspace/paths'
import { tempDir } from '../../helpers/tmp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('workspace database', () => {
  it('creates a WAL database with foreign keys and records every migration once', () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = openDatabase(t.dir)
    expect(existsSync(join(t.dir, 'workspace.sqlite'))).toBe(true)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const ids = db.prepare('SELECT id FROM migrations ORDER BY id').pluck().all()
    expect(ids).toEqual(MIGRATIONS.map((m) => m.id))
    expect(migrate(db, MIGRATIONS)).toEqual([])
    db.close()
    const again = openDatabase(t.dir)
    expect(again.prepare('SELECT count(*) FROM migrations').pluck().get()).toBe(MIGRATIONS.length)
    again.close()
  })

  it('discovers migrations in order with unique ids', () => {
    const ids = MIGRATIONS.map((m) => m.id)
    expect(ids[0]).toBe('001-engagements')
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
  })

  it('rolls back a failing migration and applies nothing of it', () => {
    const db = openDatabase(':memory:', { migrations: [] })
    expect(() => migrate(db, [{ id: '900-bad', sql: 'CREATE TABLE t (x); INSERT INTO nope VALUES (1);' }])).toThrow()
    // One transaction for the whole upgrade: not even the migrations table was left behind.
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('t', 'migrations')").pluck().get()).toBe(0)
  })
})

describe('workspace location', () => {
  it('prefers --workspace, then HANDOVER_WORKSPACE, then the OS app-data folder', () => {
    expect(resolveWorkspaceDir('/x/ws', { HANDOVER_WORKSPACE: '/y' })).toBe('/x/ws')
    expect(resolveWorkspaceDir(undefined, { HANDOVER_WORKSPACE: '/y' })).toBe('/y')
    expect(defaultWorkspaceDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Handover Console')
    expect(defaultWorkspaceDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Handover Console$/)
    expect(defaultWorkspaceDir({}, 'darwin')).toMatch(/Library\/Application Support\/Handover Console$/)
  })
})

describe('a workspace another process holds', () => {
  it('a write that outlasts the busy timeout says the workspace is busy, in words, through either transport', async () => {
    const { createCore, dispatch } = await import('../../../electron/core/api')
    const { openWorkspace } = await import('../../../electron/core/workspace')
    const { errorLine } = await import('../../../electron/cli/context')
    const t = tempDir()
    cleanups.push(t.cleanup)
    const core = createCore(openWorkspace(t.dir), 'browser')
    const other = openDatabase(t.dir)
    try {
      core.workspace.db.pragma('busy_timeout = 50')
      other.exec('BEGIN IMMEDIATE')
      const r = await dispatch(core, 'createEngagement', { domain: 'busy.example' })
      expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^the workspace is busy/) } })
      let thrown: unknown
      try {
        core.workspace.engagements.create({ domain: 'busy.example' } as never)
      } catch (e) {
        thrown = e
      }
      expect(errorLine(thrown)).toMatch(/^the workspace is busy: another Handover Console process kept it locked/)
      other.exec('ROLLBACK')
      expect((await dispatch(core, 'createEngagement', { domain: 'busy.example' })).ok).toBe(true)
    } finally {
      other.close()
      core.workspace.close()
    }
  })
})
