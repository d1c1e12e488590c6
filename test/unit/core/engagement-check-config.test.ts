import { afterEach, describe, expect, it } from 'vitest'
import { createCore, dispatch } from '../../../electron/core/api'
import { openDatabase } from '../../../electron/core/workspace/db'
import { MIGRATIONS } from '../../../electron/core/workspace/migrations'
import { openWorkspace } from '../../../electron/core/workspace'
import type { Engagement } from '@shared/schemas/engagement'
import { tempDir } from '../../helpers/tmp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function folder(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

describe('per-engagement check settings in the workspace file', () => {
  it('survives a restart: created, edited, cleared, each time read back from the SQLite file', async () => {
    const dir = folder()
    let core = createCore(openWorkspace(dir), 'browser')
    const created = await dispatch(core, 'createEngagement', { domain: 'acme.example', dkimSelectors: ['S1', 'k2._domainkey'], routes: ['/pricing', '/login'] })
    expect(created).toMatchObject({ ok: true, value: { dkimSelectors: ['s1', 'k2'], routes: ['/pricing', '/login'] } })
    core.workspace.close()

    core = createCore(openWorkspace(dir), 'browser')
    expect(core.workspace.engagements.get('acme.example')).toMatchObject({ dkimSelectors: ['s1', 'k2'], routes: ['/pricing', '/login'] })
    // A patch that does not name a list keeps it; one that does replaces it.
    await dispatch(core, 'updateEngagement', { id: 'acme.example', patch: { clientName: 'Acme' } })
    expect(core.workspace.engagements.get('acme.example')).toMatchObject({ clientName: 'Acme', dkimSelectors: ['s1', 'k2'], routes: ['/pricing', '/login'] })
    const r = await dispatch(core, 'updateEngagement', { id: (created as { value: Engagement }).value.id, patch: { dkimSelectors: ['mandrill'], routes: [] } })
    expect(r).toMatchObject({ ok: true, value: { dkimSelectors: ['mandrill'], routes: [] } })
    core.workspace.close()

    const again = openWorkspace(dir)
    expect(again.engagements.list()[0]).toMatchObject({ dkimSelectors: ['mandrill'], routes: [] })
    again.close()
  })

  it('refuses a bad selector or route with an issue on that field, changing nothing', async () => {
    const core = createCore(openWorkspace(folder()), 'browser')
    await dispatch(core, 'createEngagement', { domain: 'acme.example', routes: ['/ok'] })
    const bad = await dispatch(core, 'updateEngagement', { id: 'acme.example', patch: { routes: ['/ok', 'https://acme.example/pricing'], dkimSelectors: ['no spaces'] } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'patch.dkimSelectors.0' }, { path: 'patch.routes.1' }] } })
    expect(core.workspace.engagements.get('acme.example').routes).toEqual(['/ok'])
    core.workspace.close()
  })

  it('migrates a workspace made before the settings existed: its engagements get empty lists', () => {
    const dir = folder()
    const old = openDatabase(dir, { migrations: MIGRATIONS.filter((m) => m.id !== '002-engagement-check-config') })
    old
      .prepare(`INSERT INTO engagements (id, client_name, domain, stage, vertical, created_at, updated_at) VALUES ('old1', 'Old Co', 'old.example', 'demo-launch', 'other', '2025-01-01', '2025-01-01')`)
      .run()
    old.close()
    const ws = openWorkspace(dir)
    expect(ws.db.prepare("SELECT count(*) FROM migrations WHERE id = '002-engagement-check-config'").pluck().get()).toBe(1)
    expect(ws.engagements.get('old.example')).toMatchObject({ clientName: 'Old Co', dkimSelectors: [], routes: [] })
    ws.close()
  })

  it('reads back only valid entries when a column holds something else (a hand-edited or crafted file)', () => {
    const ws = openWorkspace(folder())
    const e = ws.engagements.create({ domain: 'acme.example', dkimSelectors: ['s1'], routes: ['/a'] })
    ws.db.prepare("UPDATE engagements SET dkim_selectors = '[\"s1\", \"bad one\", 7]', routes = 'not json' WHERE id = ?").run(e.id)
    expect(ws.engagements.get(e.id)).toMatchObject({ dkimSelectors: ['s1'], routes: [] })
    ws.close()
  })
})
