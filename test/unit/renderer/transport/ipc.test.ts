import { describe, expect, it } from 'vitest'
import type { AppEvent } from '@shared/events'
import type { PreloadApi } from '../../../../electron/preload/api'
import { createIpcTransport } from '../../../../renderer/src/transport/ipc'
import { TransportError } from '../../../../renderer/src/transport/types'

/** The shape Electron's preload exposes: Results in, events through onEvent. */
function preload(): PreloadApi & { emit(e: AppEvent): void } {
  const listeners = new Set<(e: AppEvent) => void>()
  const api = {
    appInfo: async () => ({ ok: true, value: { version: '1', workspace: '/w', mode: 'electron', platform: 'linux' } }),
    listEngagements: async () => ({ ok: false, error: { code: 'unavailable', message: 'workspace locked' } }),
    onEvent(cb: (e: AppEvent) => void) {
      listeners.add(cb)
      return () => listeners.delete(cb)
    },
    emit: (e: AppEvent) => listeners.forEach((l) => l(e)),
  }
  return api as unknown as PreloadApi & { emit(e: AppEvent): void }
}

describe('IPC transport', () => {
  it('unwraps results and throws TransportError on failures', async () => {
    const t = createIpcTransport(preload())
    expect(await t.call('appInfo')).toMatchObject({ mode: 'electron' })
    const err = await t.call('listEngagements').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TransportError)
    expect((err as TransportError).info).toEqual({ code: 'unavailable', message: 'workspace locked' })
  })

  it('subscribes through onEvent and unsubscribes', () => {
    const api = preload()
    const t = createIpcTransport(api)
    const got: AppEvent[] = []
    const stop = t.subscribe((e) => got.push(e))
    api.emit({ type: 'engagements.changed', id: 'a', change: 'created' })
    stop()
    api.emit({ type: 'engagements.changed', id: 'b', change: 'created' })
    expect(got.map((e) => (e.type === 'engagements.changed' ? e.id : ''))).toEqual(['a'])
  })
})
