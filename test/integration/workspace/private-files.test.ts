import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/api'
import { handoverApi } from '../../../electron/core/api/handover'
import { storeAttachment } from '../../../electron/core/sprint/attachments'
import { openWorkspace } from '../../../electron/core/workspace'
import { createKeychainStore } from '../../../electron/core/vault/keychain'
import { memoryStore, seededWorkspace } from '../../unit/handover/fixture'
import { runCli } from '../../helpers/cli'
import { consultantStore } from '../../helpers/identity'
import { tempDir } from '../../helpers/tmp'

const mode = (p: string) => statSync(p).mode & 0o777
const tmp = tempDir('handover-private-')
afterAll(() => tmp.cleanup())

/** Every file and folder under `dir`, with its mode. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  return readdirSync(dir, { recursive: true }).map((rel) => {
    const p = join(dir, String(rel))
    return { path: String(rel), dir: statSync(p).isDirectory(), mode: mode(p) }
  })
}

describe.runIf(process.platform !== 'win32')('local files are private, whatever the umask', () => {
  let umask = 0
  beforeEach(() => {
    // the most permissive umask: every mode below is the app's doing, not the environment's
    umask = process.umask(0o000)
  })
  afterEach(() => {
    process.umask(umask)
  })

  it('a new workspace is 0700 and its database, WAL and shared memory files 0600', () => {
    const dir = join(tmp.dir, 'new', 'ws')
    const ws = openWorkspace(dir)
    try {
      ws.engagements.create({ domain: 'private.example', hosts: ['www'] })
      expect(mode(dir)).toBe(0o700)
      const files = readdirSync(dir)
      expect(files).toEqual(expect.arrayContaining(['workspace.sqlite', 'workspace.sqlite-wal', 'workspace.sqlite-shm']))
      for (const f of files) expect([f, mode(join(dir, f))]).toEqual([f, 0o600])
    } finally {
      ws.close()
    }
  })

  it('a new bundle (folder, files and zip) and an attachment are 0700/0600', async () => {
    const dir = join(tmp.dir, 'bundle-ws')
    const seeded = seededWorkspace(dir)
    seeded.ws.close()
    const core = createCore(openWorkspace(dir), 'browser')
    try {
      // bundles are signed by the consultant, who must have set their details first
      const secrets = await consultantStore(core.workspace, memoryStore())
      const info = await handoverApi(core, secrets).createBundle({ engagementId: seeded.engagement.id })
      const bundle = info.dir
      expect(mode(join(dir, 'bundles'))).toBe(0o700)
      expect(mode(bundle)).toBe(0o700)
      const inside = modes(bundle)
      expect(inside.length).toBeGreaterThanOrEqual(8)
      for (const f of inside) expect([f.path, f.mode]).toEqual([f.path, f.dir ? 0o700 : 0o600])
      expect(info.zip).toBe(`${bundle}.zip`)
      expect(mode(info.zip)).toBe(0o600)
      const a = storeAttachment(dir, Buffer.from('a screenshot'))
      expect([mode(join(dir, 'attachments')), mode(a.path)]).toEqual([0o700, 0o600])
    } finally {
      core.workspace.close()
    }
  })

  it('an engagement export written by the CLI is 0600', async () => {
    // the export's chain head is signed with the consultant's key, which lives in the OS keychain only
    if (!(await createKeychainStore().available()).ok) return void console.info('no Secret Service: the CLI export is not tried here (npm test runs one)')
    const dir = join(tmp.dir, 'export-ws')
    expect((await runCli(dir, ['engagement', 'add', 'export.example'])).code).toBe(0)
    expect((await runCli(dir, ['identity', 'set', '--name', 'Ada Consultant', '--email', 'ada@example.com', '--organisation', 'Ada Studio'])).code).toBe(0)
    const out = join(tmp.dir, 'export.handover')
    const r = await runCli(dir, ['engagement', 'export', 'export.example', '--out', out])
    expect(r.code, r.stderr).toBe(0)
    expect(mode(out)).toBe(0o600)
  })

  it('an existing workspace made with a loose umask is tightened on open; other people’s files are left alone', () => {
    const dir = join(tmp.dir, 'old')
    openWorkspace(dir).close()
    mkdirSync(join(dir, 'attachments'))
    mkdirSync(join(dir, 'bundles', 'b1'), { recursive: true })
    writeFileSync(join(dir, 'attachments', 'f'.repeat(64)), 'x')
    writeFileSync(join(dir, 'bundles', 'b1', 'handover.pdf'), 'x')
    writeFileSync(join(dir, 'rdap-bootstrap-0123456789ab.json'), '{}')
    for (const p of ['', 'attachments', 'bundles', 'bundles/b1']) chmodSync(join(dir, p), 0o755)
    for (const p of ['workspace.sqlite', `attachments/${'f'.repeat(64)}`, 'bundles/b1/handover.pdf', 'rdap-bootstrap-0123456789ab.json']) chmodSync(join(dir, p), 0o644)
    openWorkspace(dir).close()
    expect(mode(dir)).toBe(0o700)
    for (const f of modes(dir)) expect([f.path, f.mode]).toEqual([f.path, f.dir ? 0o700 : 0o600])

    // a workspace kept in a folder that also holds the person's own files: only the app's entries change
    const shared = join(tmp.dir, 'shared')
    mkdirSync(shared, { mode: 0o755 })
    chmodSync(shared, 0o755)
    writeFileSync(join(shared, 'notes.txt'), 'mine', { mode: 0o644 })
    chmodSync(join(shared, 'notes.txt'), 0o644)
    openWorkspace(shared).close()
    expect([mode(shared), mode(join(shared, 'notes.txt')), mode(join(shared, 'workspace.sqlite'))]).toEqual([0o755, 0o644, 0o600])
  })
})
