import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEvent } from '@shared/events'
import { startServer, type BrowserServer } from '../../../../electron/serve/server'
import { createHttpTransport } from '../../../../renderer/src/transport/http'
import { TransportError, type ConnectionStatus } from '../../../../renderer/src/transport/types'
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
