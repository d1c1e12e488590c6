import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type BrowserServer } from '../../../../electron/serve/server'
import { startEventBridge } from '../../../../renderer/src/bridge/events'
import { createAppStore, type AppStore } from '../../../../renderer/src/store'
import { listLoaded } from '../../../../renderer/src/store/engagements'
import { emptyDraft } from '../../../../renderer/src/store/form'
import { createHttpTransport } from '../../../../renderer/src/transport/http'
import { tempDir } from '../../../helpers/tmp'
import { engagement } from '../fixtures'
import { until } from '../../../helpers/until'

let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let store: AppStore
let stopBridge: () => void

beforeAll(async () => {
  ws = tempDir()
  server = await startServer({ workspaceDir: ws.dir })
  const transport = createHttpTransport({ baseUrl: server.origin, token: server.token })
  store = createAppStore(transport)
  stopBridge = startEventBridge(store, transport)
})
afterAll(async () => {
  stopBridge()
  await server.close()
  ws.cleanup()
})

const s = () => store.getState()

describe('app store over the real browser-mode server', () => {
  it('loads app info and the (empty) list, then marks itself ready', async () => {
    expect(s().ready).toBe(false)
    await s().init()
    expect(s()).toMatchObject({ ready: true, fatal: null, info: { mode: 'browser' }, engagements: { status: 'loaded', items: [] } })
  })

  it('creates through the form, opens the new engagement and says so', async () => {
    s().openCreate()
    const ok = await s().saveEngagement({ ...emptyDraft(), clientName: 'Acme', domain: 'acme.example', hosts: [{ name: 'www', role: 'web' }] })
    expect(ok).toBe(true)
    const e = s().engagements.items[0]
    expect(e).toMatchObject({ clientName: 'Acme', domain: 'acme.example' })
    expect(s().ui).toMatchObject({ form: null, route: { name: 'engagement', id: e.id } })
    expect(s().toasts.at(-1)).toMatchObject({ kind: 'success', title: 'Created Acme' })
  })

  it('starts the sprint at once from the template chosen in the create form', async () => {
    s().openCreate()
    expect(await s().saveEngagement({ ...emptyDraft(), domain: 'sprinted.example' }, { startSprintWith: 'launch-ready' })).toBe(true)
    const e = s().engagements.items.find((x) => x.domain === 'sprinted.example')!
    expect(server.core.api.sprintStatus({ engagementId: e.id })).toMatchObject({ sprint: { templateId: 'launch-ready', finishedAt: null } })
    expect(s().toasts.at(-1)).toMatchObject({ kind: 'success', title: 'Sprint started: the 48-hour clock is running' })
    await server.core.api.removeEngagement({ id: e.id })
    await until(() => !s().engagements.items.some((x) => x.id === e.id))
  })

  it('keeps the form open with field errors when the contract refuses', async () => {
    s().openCreate()
    expect(await s().saveEngagement({ ...emptyDraft(), domain: 'acme.example' })).toBe(false)
    expect(s().ui.form).toMatchObject({ mode: 'create', busy: false, errors: { domain: 'Already in use' } })
    expect(await s().saveEngagement({ ...emptyDraft(), domain: 'bad domain' })).toBe(false)
    expect(s().ui.form?.errors.domain).toContain('spaces')
    s().closeForm()
    expect(s().ui.form).toBeNull()
  })

  it('edits, then deletes only after confirmation', async () => {
    const id = s().engagements.items[0].id
    s().openEdit(id)
    expect(await s().saveEngagement({ ...emptyDraft(), clientName: 'Acme GmbH', domain: 'acme.example' })).toBe(true)
    expect(s().engagements.items[0].clientName).toBe('Acme GmbH')
    s().askRemove(id)
    expect(s().ui.confirm).toMatchObject({ id, title: 'Acme GmbH' })
    s().cancelConfirm()
    expect(s().engagements.items).toHaveLength(1)
    s().askRemove(id)
    await s().confirmRemove()
    expect(s().engagements.items).toHaveLength(0)
    expect(s().ui).toMatchObject({ route: { name: 'engagements' }, confirm: null })
    // Undo, offered for 10 s, brings it back as it was and opens it
    const undo = s().toasts.at(-1)!
    expect(undo).toMatchObject({ title: 'Deleted Acme GmbH', ms: 10_000, action: { label: 'Undo' } })
    undo.action!.run()
    await until(() => s().engagements.items.some((e) => e.id === id))
    expect(s().engagements.items[0]).toMatchObject({ id, clientName: 'Acme GmbH', domain: 'acme.example' })
    expect(s().ui.route).toEqual({ name: 'engagement', id })
    // deleted again and left alone: gone from the list, and for good when the server closes
    s().askRemove(id)
    await s().confirmRemove()
    expect(s().engagements.items).toHaveLength(0)
  })

  it('follows changes made elsewhere through the event bridge', async () => {
    const other = await server.core.api.createEngagement({ domain: 'elsewhere.example' })
    await until(() => s().engagements.items.some((e) => e.id === other.id))
    s().navigate({ name: 'engagement', id: other.id })
    await server.core.api.removeEngagement({ id: other.id })
    await until(() => s().engagements.items.length === 0)
    expect(s().ui.route).toEqual({ name: 'engagements' })
  })
})

describe('app store without a server', () => {
  // port 1 on loopback: nothing listens, so every call fails fast
  const offline = () => createAppStore(createHttpTransport({ baseUrl: 'http://127.0.0.1:1', token: 't' }))

  it('becomes ready with a fatal error that says what to do', async () => {
    const st = offline()
    await st.getState().init()
    expect(st.getState()).toMatchObject({ ready: true, fatal: { code: 'unavailable', message: expect.stringContaining('Start it again') } })
  })

  it('reports a failed delete in a toast and keeps the engagement', async () => {
    const st = offline()
    st.setState((x) => ({ engagements: listLoaded(x.engagements, [engagement({ id: 'k', clientName: 'Kept' })]) }))
    st.getState().askRemove('k')
    await st.getState().confirmRemove()
    expect(st.getState().toasts.at(-1)).toMatchObject({ kind: 'error', title: 'Could not delete Kept' })
    expect(st.getState().ui.confirm).toBeNull()
    expect(st.getState().engagements.items.map((e) => e.id)).toEqual(['k'])
  })
})
