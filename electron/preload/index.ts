import { contextBridge, ipcRenderer } from 'electron'
import { contract } from '@shared/contract'
import { EVENT_CHANNEL, type AppEvent } from '@shared/events'

/**
 * The whole bridge: one function per contract method (never a generic invoke), plus one
 * event subscription. Main validates every call; this file only forwards.
 */
const methods = Object.fromEntries(Object.keys(contract).map((name) => [name, (input?: unknown) => ipcRenderer.invoke(name, input)]))

contextBridge.exposeInMainWorld('handover', {
  ...methods,
  onEvent(cb: (e: AppEvent) => void): () => void {
    const listener = (_e: unknown, ev: AppEvent) => cb(ev)
    ipcRenderer.on(EVENT_CHANNEL, listener)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener)
  },
})
