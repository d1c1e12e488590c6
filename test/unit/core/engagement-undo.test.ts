import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../../../electron/core/api'
import { openWorkspace, type Workspace } from '../../../electron/core/workspace'
import { SprintService } from '../../../electron/core/sprint/service'
import { callCore } from '../../helpers/call'
import { tempDir } from '../../helpers/tmp'

let dir: string
let cleanup: () => void
let ws: Workspace
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  ws = openWorkspace(dir)
})
afterEach(() => {
  vi.useRealTimers()
  if (ws.db.open) ws.close()
  cleanup()
})

const rows = (w: Workspace, table: string, id: string) => w.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE engagement_id = ?`).pluck().get(id) as number

describe('deleting an engagement with Undo', () => {
  it('hides it at once, and Undo brings it back with everything it held', () => {
    const e = ws.engagements.create({ domain: 'acme.example', hosts: ['www'], clientName: 'Acme' } as never)
    new SprintService(ws).start(e.id)
    ws.engagements.removeLater(e.id)
    expect(ws.engagements.list()).toEqual([])
    expect(() => ws.engagements.get('acme.example')).toThrow(/no engagement/)
    expect(() => ws.engagements.removeLater(e.id)).toThrow(/no engagement/)
    // nothing is lost meanwhile
    expect(rows(ws, 'sprints', e.id)).toBe(1)
    expect(ws.engagements.restore(e.id)).toMatchObject({ id: e.id, clientName: 'Acme', hosts: [{ name: 'acme.example' }, { name: 'www.acme.example' }] })
    expect(ws.engagements.list().map((x) => x.id)).toEqual([e.id])
    expect(rows(ws, 'sprints', e.id)).toBe(1)
  })

  it('is deleted for good when the workspace closes, and after a crash when it is opened after the window', () => {
    const a = ws.engagements.create({ domain: 'a.example' } as never)
    const b = ws.engagements.create({ domain: 'b.example' } as never)
    ws.engagements.removeLater(a.id)
    ws.close()
    ws = openWorkspace(dir)
    expect(ws.db.prepare('SELECT id FROM engagements').pluck().all()).toEqual([b.id])
    expect(() => ws.engagements.restore(a.id)).toThrow(/too late to undo/)
    // a crash: the database is closed without the workspace's own close…
    ws.engagements.removeLater(b.id)
    ws.db.close()
    // …and the workspace opened again after the window: the deletion is final
    const later = openWorkspace(dir)
    later.db.prepare("UPDATE engagement_deletions SET requested_at = '2020-01-01T00:00:00.000Z'").run()
    later.db.close()
    ws = openWorkspace(dir)
    expect(ws.db.prepare('SELECT COUNT(*) FROM engagements').pluck().get()).toBe(0)
  })

  it("another process opening and closing the workspace leaves this one's Undo window alone", () => {
    const a = ws.engagements.create({ domain: 'a.example' } as never)
    ws.engagements.removeLater(a.id)
    // the CLI, a second window, watch: they open and close the same workspace meanwhile
    const other = openWorkspace(dir)
    expect(other.engagements.list()).toEqual([])
    other.close()
    expect(ws.engagements.restore(a.id)).toMatchObject({ id: a.id })
  })

  it('creating the same domain again makes the waiting deletion final instead of clashing', () => {
    const a = ws.engagements.create({ domain: 'acme.example' } as never)
    ws.engagements.removeLater(a.id)
    const again = ws.engagements.create({ domain: 'acme.example' } as never)
    expect(again.id).not.toBe(a.id)
    expect(() => ws.engagements.restore(a.id)).toThrow(/too late/)
  })

  it('through the API: deleted for good when the window ends unless Undo came first', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const core: Core = createCore(ws, 'browser')
    const a = await callCore<{ id: string }>(core, 'createEngagement', { domain: 'a.example' })
    const b = await callCore<{ id: string }>(core, 'createEngagement', { domain: 'b.example' })
    expect(await callCore(core, 'removeEngagement', { id: a.id, undoable: true })).toEqual({ id: a.id, undoWithinMs: 10_000 })
    await callCore(core, 'removeEngagement', { id: b.id, undoable: true })
    vi.advanceTimersByTime(9_900)
    expect(await callCore(core, 'restoreEngagement', { id: a.id })).toMatchObject({ id: a.id })
    vi.advanceTimersByTime(10_000)
    expect((await callCore<{ id: string }[]>(core, 'listEngagements')).map((e) => e.id)).toEqual([a.id])
    expect(ws.db.prepare('SELECT id FROM engagements').pluck().all()).toEqual([a.id])
    await expect(callCore(core, 'restoreEngagement', { id: b.id })).rejects.toThrow(/too late to undo/)
    // without undoable (the CLI), a delete is immediate
    await callCore(core, 'removeEngagement', { id: a.id })
    expect(ws.db.prepare('SELECT COUNT(*) FROM engagements').pluck().get()).toBe(0)
  })
})
