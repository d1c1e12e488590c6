import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEvent } from '@shared/events'
import { startServer, type BrowserServer } from '../../../../electron/serve/server'
import { createHttpTransport } from '../../../../renderer/src/transport/http'
import { TransportError, type ConnectionStatus } from '../../../../renderer/src/transport/types'
import { EARLY_TTL_MS, earlyTaker } from '../../../../renderer/src/transport/early'
import { tempDir } from '../../../helpers/tmp'
import { until } from '../../../helpers/until'

let server: BrowserServer
let ws: { dir: string; cleanup(): void }

beforeAll(async () => {
  ws = tempDir()
  server = await startServer({ workspaceDir: ws.dir })
})
afterAll(async () => {
  await server.close()
  ws.cleanup()
})

describe('HTTP transport against browser mode', () => {
  it('calls contract methods and returns their values', async () => {
    const t = createHttpTransport({ baseUrl: server.origin, token: server.token })
    expect(await t.call('appInfo')).toMatchObject({ mode: 'browser', workspace: ws.dir })
    const e = await t.call('createEngagement', { domain: 'HTTP.example', hosts: ['www'] })
    expect(e.domain).toBe('http.example')
    expect((await t.call('listEngagements')).map((x) => x.id)).toContain(e.id)
  })

  it('throws a TransportError carrying the contract error and its issues', async () => {
    const t = createHttpTransport({ baseUrl: server.origin, token: server.token })
    const err = await t.call('createEngagement', { domain: 'not a domain' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TransportError)
    expect((err as TransportError).info).toMatchObject({ code: 'invalid_input', issues: [{ path: 'domain' }] })
  })

  it('explains a refused token, and an unreachable server', async () => {
    const bad = createHttpTransport({ baseUrl: server.origin, token: 'wrong' })
    await expect(bad.call('listEngagements')).rejects.toMatchObject({ info: { code: 'unavailable', message: expect.stringContaining('403') } })
    const gone = createHttpTransport({ baseUrl: 'http://127.0.0.1:1', token: 'x' })
    await expect(gone.call('listEngagements')).rejects.toMatchObject({ info: { code: 'unavailable' } })
  })

  it('streams core events to subscribers until unsubscribed', async () => {
    const t = createHttpTransport({ baseUrl: server.origin, token: server.token })
    const got: AppEvent[] = []
    const status: ConnectionStatus[] = []
    const stop = t.subscribe((e) => got.push(e), { onStatus: (s) => status.push(s) })
    await until(() => status.includes('connected'))
    const e = await t.call('createEngagement', { domain: 'stream.example' })
    await until(() => got.some((x) => x.type === 'engagements.changed' && x.id === e.id))
    stop()
    // a second subscriber proves the next event was sent; the first must not see it
    const other: AppEvent[] = []
    const otherStatus: ConnectionStatus[] = []
    const stopOther = t.subscribe((x) => other.push(x), { onStatus: (s) => otherStatus.push(s) })
    await until(() => otherStatus.includes('connected'))
    await t.call('removeEngagement', { id: e.id })
    await until(() => other.some((x) => x.type === 'engagements.changed' && x.change === 'removed'))
    stopOther()
    expect(got.filter((x) => x.type === 'engagements.changed' && x.change === 'removed')).toEqual([])
  })
})

describe('HTTP transport with early answers (renderer/src/boot.ts)', () => {
  const ask = (method: string) => fetch(`${server.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: '{}' })

  it('takes an early answer once, for a call with no input, then asks the server', async () => {
    const early = new Map([['listEngagements', ask('listEngagements')]])
    const before = (await createHttpTransport({ baseUrl: server.origin, token: server.token }).call('listEngagements')).length
    const t = createHttpTransport({ baseUrl: server.origin, token: server.token, early: earlyTaker(0, early, () => 0) })
    const e = await t.call('createEngagement', { domain: 'early.example' })
    // the early answer was asked for before the engagement existed: proof it was the one used
    expect((await t.call('listEngagements')).length).toBe(before)
    expect(early.size).toBe(0)
    expect((await t.call('listEngagements')).map((x) => x.id)).toContain(e.id)
    await t.call('removeEngagement', { id: e.id })
  })

  it('asks the server instead of using an early answer that failed, is stale, or was for a call with input', async () => {
    const failed = Promise.reject(new Error('network'))
    failed.catch(() => undefined)
    const t = createHttpTransport({ baseUrl: server.origin, token: server.token, early: earlyTaker(0, new Map([['appInfo', failed]]), () => 0) })
    expect(await t.call('appInfo')).toMatchObject({ mode: 'browser' })

    let now = 0
    const early = new Map([['listEngagements', ask('listEngagements')]])
    const late = createHttpTransport({ baseUrl: server.origin, token: server.token, early: earlyTaker(0, early, () => now) })
    const e = await late.call('createEngagement', { domain: 'late.example' })
    now = EARLY_TTL_MS + 1
    expect((await late.call('listEngagements')).map((x) => x.id)).toContain(e.id)
    expect(early.size).toBe(0)

    const withInput = new Map([['getEngagement', ask('listEngagements')]])
    const t2 = createHttpTransport({ baseUrl: server.origin, token: server.token, early: earlyTaker(0, withInput, () => 0) })
    expect(await t2.call('getEngagement', { id: e.id })).toMatchObject({ id: e.id, domain: 'late.example' })
    expect(withInput.size).toBe(1)
    await late.call('removeEngagement', { id: e.id })
  })
})

describe('HTTP transport reconnects', () => {
  let flaky: Server
  let base: string
  let connections = 0

  beforeAll(async () => {
    // A stream that ends after one event, so the client must reconnect and resync.
    flaky = createServer((req, res) => {
      connections++
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.end(`data: ${JSON.stringify({ type: 'engagements.changed', id: `n${connections}`, change: 'created' })}\n\n`)
    })
    await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', () => r()))
    base = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    flaky.closeAllConnections()
    await new Promise((r) => flaky.close(r))
  })

  it('reports the drop, reconnects with backoff and asks for a resync', async () => {
    const t = createHttpTransport({ baseUrl: base, token: 't' })
    const ids: string[] = []
    const status: ConnectionStatus[] = []
    let resyncs = 0
    const stop = t.subscribe((e) => e.type === 'engagements.changed' && ids.push(e.id), { onStatus: (s) => status.push(s), onResync: () => resyncs++ })
    await until(() => ids.length >= 2)
    stop()
    expect(ids.slice(0, 2)).toEqual(['n1', 'n2'])
    expect(status.slice(0, 3)).toEqual(['connected', 'reconnecting', 'connected'])
    expect(resyncs).toBeGreaterThanOrEqual(1)
  })
})
