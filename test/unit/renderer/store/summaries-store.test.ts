import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type BrowserServer } from '../../../../electron/serve/server'
import { startEventBridge } from '../../../../renderer/src/bridge/events'
import { createAppStore, type AppStore } from '../../../../renderer/src/store'
import { createHttpTransport } from '../../../../renderer/src/transport/http'
import type { Transport } from '../../../../renderer/src/transport/types'
import { tempDir } from '../../../helpers/tmp'
import { until } from '../../../helpers/until'

let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let store: AppStore
let stopBridge: () => void
const calls: string[] = []

beforeAll(async () => {
  ws = tempDir()
  server = await startServer({ workspaceDir: ws.dir })
  const http = createHttpTransport({ baseUrl: server.origin, token: server.token })
  // the real transport, noting which methods the store calls
  const transport: Transport = {
    kind: http.kind,
    call: ((m: string, i?: unknown) => (calls.push(m), http.call(m as never, i as never))) as Transport['call'],
    subscribe: (h, o) => http.subscribe(h, o),
  }
  store = createAppStore(transport)
  stopBridge = startEventBridge(store, transport)
})
afterAll(async () => {
  stopBridge()
  await server.close()
  ws.cleanup()
})

const s = () => store.getState()
const summaries = () => calls.filter((m) => m === 'engagementSummaries').length

describe('list summaries in the app store over the real browser-mode server', () => {
  it('loads the summaries alongside the list', async () => {
    const e = await server.core.api.createEngagement({ domain: 'acme.example', clientName: 'Acme' })
    await s().init()
    await until(() => s().summaries.status === 'loaded')
    expect(s().summaries.byId[e.id]).toMatchObject({ sprint: { state: 'none' }, worstRisk: null })
  })

  it('refreshes them when a sprint changes elsewhere, coalescing a burst of events', async () => {
    const id = s().engagements.items[0]!.id
    const before = summaries()
    await server.core.api.startSprint({ engagementId: id })
    await until(() => s().summaries.byId[id]?.sprint.state === 'running')
    expect(s().summaries.byId[id]).toMatchObject({ sprint: { block: 'Day 1 · morning' }, worstRisk: { status: 'todo' }, progress: { done: 0 } })
    // ten changes in one go (the CLI, another window): one fetch in flight, one more queued after it
    const mark = summaries()
    for (let i = 1; i <= 10; i++) void server.core.api.updateSprintItem({ engagementId: id, itemId: 'preview-hidden', patch: { fixOrder: i } })
    await until(() => s().summaries.byId[id]?.worstRisk?.itemId === 'preview-hidden')
    await new Promise((r) => setTimeout(r, 200))
    expect(summaries() - mark).toBeGreaterThan(0)
    expect(summaries() - mark).toBeLessThanOrEqual(3)
    expect(mark).toBeGreaterThan(before)
  })

  it('orders the list by risk when asked, and back', () => {
    s().setListSort('risk')
    expect(s().ui.listSort).toBe('risk')
    s().setListSort('updated')
    expect(s().ui.listSort).toBe('updated')
  })
})
