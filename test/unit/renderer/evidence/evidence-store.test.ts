import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDone } from '../../../../electron/core/api/checks'
import { startLab, type Lab } from '../../../../electron/lab'
import { startServer, type BrowserServer } from '../../../../electron/serve/server'
import { startEventBridge } from '../../../../renderer/src/bridge/events'
import { createAppStore, type AppStore } from '../../../../renderer/src/store'
import { noFilters, PAGE } from '../../../../renderer/src/store/evidence'
import { createHttpTransport } from '../../../../renderer/src/transport/http'
import { tempDir } from '../../../helpers/tmp'
import { callCore } from '../../../helpers/call'

let lab: Lab
let server: BrowserServer
let ws: { dir: string; cleanup(): void }
let store: AppStore
let engagementId = ''

const call = <T>(method: string, input?: unknown) => callCore<T>(server.core, method, input)

beforeAll(async () => {
  lab = await startLab('demo')
  ws = tempDir()
  server = await startServer({ workspaceDir: ws.dir, profile: lab.profile })
  store = createAppStore(createHttpTransport({ baseUrl: server.origin, token: server.token }))
  engagementId = (await call<{ id: string }>('createEngagement', { domain: 'acme-launch.example', hosts: ['www', 'app', 'api', 'staging', 'docs'] })).id
  // enough runs that the timeline needs more than one page (bounded: at most 8 runs)
  for (let i = 0; i < 8; i++) {
    const { runId } = await call<{ runId: string }>('runAudit', { engagementId, checkIds: ['dns.hosts', 'mail.spf'] })
    await runDone(runId)
    const { total } = await call<{ total: number }>('evidenceTimeline', { engagementId, limit: 1 })
    if (total > PAGE + 20) break
  }
  // asked not to count, the engine skips the walk over every match
  expect((await call<{ total: number | null; rows: unknown[] }>('evidenceTimeline', { engagementId, limit: 1, count: false })).total).toBeNull()
}, 120_000)
afterAll(async () => {
  await server?.close()
  await lab?.close()
  ws?.cleanup()
})

const s = () => store.getState()

describe('evidence and result actions over the real server', () => {
  it('pages the timeline by keyset without gaps or duplicates', async () => {
    await s().loadTimeline(engagementId)
    const first = s().evidence
    expect(first.total).toBeGreaterThan(PAGE)
    expect(first.rows).toHaveLength(PAGE)
    expect(first.next).not.toBeNull()
    for (let i = 0; i < 20 && s().evidence.next !== null; i++) await s().loadMoreTimeline()
    const all = s().evidence.rows
    expect(all).toHaveLength(first.total)
    const ids = all.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
  })

  it('filters, opens an item, and goes from it to the latest result with its history', async () => {
    await s().loadTimeline(engagementId, { ...noFilters, checkId: 'dns.hosts', target: 'docs.acme-launch.example', kind: 'check.result' })
    const rows = s().evidence.rows
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.every((r) => r.checkId === 'dns.hosts' && r.target === 'docs.acme-launch.example')).toBe(true)
    await s().openEvidence(rows[0].id)
    expect(s().evidence.open?.id).toBe(rows[0].id)
    await s().openLatestResult(engagementId, 'dns.hosts', 'docs.acme-launch.example')
    const route = s().ui.route
    expect(route).toMatchObject({ name: 'result', id: engagementId })
    const r = s().result
    expect(r.data?.checkId).toBe('dns.hosts')
    expect(r.catalog?.some((c) => c.id === 'dns.hosts')).toBe(true)
    expect(r.history.length).toBe(rows.length)
  })

  it('shows a bad filter as an error in place, and the pictures read the latest results', async () => {
    await s().loadTimeline(engagementId, { ...noFilters, from: 'x'.repeat(400) })
    expect(s().evidence.error?.message).toBeTruthy()
    expect(s().evidence.loading).toBe(false)
    await s().loadLatestResults(engagementId)
    expect(s().result.latest?.items?.filter((x) => x.checkId === 'dns.hosts')).toHaveLength(6)
  })

  it('refreshes the showing evidence list when a run of its engagement finishes', async () => {
    const stop = startEventBridge(store, createHttpTransport({ baseUrl: server.origin, token: server.token }))
    try {
      s().navigate({ name: 'evidence', id: engagementId })
      await s().loadTimeline(engagementId, { ...noFilters, kind: 'check.result', checkId: 'mail.spf' })
      const before = s().evidence.total
      const { runId } = await call<{ runId: string }>('runAudit', { engagementId, checkIds: ['mail.spf'] })
      await runDone(runId)
      const end = Date.now() + 10_000
      while (s().evidence.total === before && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
      expect(s().evidence.total).toBe(before + 1)
      expect(s().evidence.filters.checkId).toBe('mail.spf')
    } finally {
      stop()
    }
  })
})
