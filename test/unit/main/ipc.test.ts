import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '@shared/contract'
import { EVENT_CHANNEL } from '@shared/events'
import { createCore, type Core } from '../../../electron/core/api'
import { openWorkspace } from '../../../electron/core/workspace'
import { forwardEvents, makeSenderCheck, registerIpc, type IpcLike, type SenderInfo } from '../../../electron/main/ipc'
import { appLocation } from '../../../electron/main/app-url'

type Handler = (event: SenderInfo, input: unknown) => Promise<unknown>

/** An injected stand-in for ipcMain: records handlers so tests call them as Electron would. */
function fakeIpc() {
  const handlers = new Map<string, Handler>()
  const ipc = {
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, fn)
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcLike
  return { ipc, handlers }
}

const trusted: SenderInfo = { senderFrame: { url: 'file:///app/out/renderer/index.html' } }
const isTrusted = makeSenderCheck(appLocation({ isPackaged: true, env: {}, rendererDir: '/app/out/renderer' }))

let core: Core
beforeEach(() => {
  core = createCore(openWorkspace(':memory:'), 'electron')
})
afterEach(() => core.workspace.close())

describe('registerIpc', () => {
  it('registers exactly one handler per contract method and removes them all', () => {
    const { ipc, handlers } = fakeIpc()
    const dispose = registerIpc(ipc, core, isTrusted)
    expect([...handlers.keys()].sort()).toEqual(Object.keys(contract).sort())
    dispose()
    expect(handlers.size).toBe(0)
  })

  it('calls core for a trusted sender with valid input', async () => {
    const { ipc, handlers } = fakeIpc()
    registerIpc(ipc, core, isTrusted)
    const r = (await handlers.get('createEngagement')!(trusted, { domain: 'ipc.example' })) as { ok: boolean; value: { domain: string } }
    expect(r).toMatchObject({ ok: true, value: { domain: 'ipc.example' } })
    expect(core.workspace.engagements.list()).toHaveLength(1)
  })

  it('drops calls from untrusted senders before they reach core, and logs them', async () => {
    const { ipc, handlers } = fakeIpc()
    const logs: string[] = []
    registerIpc(ipc, core, isTrusted, (m) => logs.push(m))
    for (const sender of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }, { senderFrame: { url: 'file:///other/index.html' } }]) {
      const r = await handlers.get('createEngagement')!(sender, { domain: 'evil.example' })
      expect(r).toMatchObject({ ok: false, error: { message: 'untrusted sender' } })
    }
    expect(core.workspace.engagements.list()).toHaveLength(0)
    expect(logs).toHaveLength(3)
  })

  it('validates input with the contract schema', async () => {
    const { ipc, handlers } = fakeIpc()
    registerIpc(ipc, core, isTrusted)
    const r = await handlers.get('createEngagement')!(trusted, { domain: 42 })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const extra = await handlers.get('listEngagements')!(trusted, { sql: 'DROP TABLE x' })
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('accepts the dev server origin only in development', () => {
    const dev = makeSenderCheck(appLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, rendererDir: '/app/out/renderer' }))
    expect(dev({ senderFrame: { url: 'http://localhost:5173/' } })).toBe(true)
    expect(isTrusted({ senderFrame: { url: 'http://localhost:5173/' } })).toBe(false)
  })

  it('compares exact origins and paths: a sibling folder, a longer port or a lookalike host does not pass', () => {
    for (const url of ['file:///app/out/renderer-x/index.html', 'file:///app/out/renderer/other.html', 'file:///app/out/renderer/../renderer-x/index.html', 'file:///app/out/rendererindex.html', 'file://evil/app/out/renderer/index.html'])
      expect(isTrusted({ senderFrame: { url } }), url).toBe(false)
    expect(isTrusted({ senderFrame: { url: 'file:///app/out/renderer/index.html#/engagements/x' } })).toBe(true)
    const dev = makeSenderCheck(appLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, rendererDir: '/app/out/renderer' }))
    for (const url of ['http://localhost:51730/', 'http://localhost:5173.evil.example/', 'http://localhost:5173@evil.example/', 'https://localhost:5173/'])
      expect(dev({ senderFrame: { url } }), url).toBe(false)
  })

  it('forwards core events to the window on the one event channel', () => {
    const sent: unknown[][] = []
    let destroyed = false
    forwardEvents(core, () => ({ send: (...a: unknown[]) => sent.push(a), isDestroyed: () => destroyed }))
    core.events.emit({ type: 'engagements.changed', id: 'x', change: 'created' })
    destroyed = true
    core.events.emit({ type: 'engagements.changed', id: 'y', change: 'created' })
    expect(sent).toEqual([[EVENT_CHANNEL, { type: 'engagements.changed', id: 'x', change: 'created' }]])
  })
})
