import { createHttpTransport } from './http'
import { createIpcTransport } from './ipc'
import { earlyTaker, takeEarly } from './early'
import type { Transport } from './types'

export type { Transport, ConnectionStatus } from './types'
export { TransportError, toErrorInfo } from './types'

/** Why no transport could be built: browser mode opened without a session. */
export class NoSessionError extends Error {}

/**
 * Electron when the preload bridge exists, else browser mode. Browser mode's session is a
 * cookie the server set when the page was opened with its single-use launch address (the page
 * itself never sees a token); the server is asked once whether this browser has one.
 */
export async function pickTransport(fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<Transport> {
  if (window.handover) return createIpcTransport(window.handover)
  let session: boolean
  // renderer/src/boot.ts asked already, while this code loaded
  const early = takeEarly()
  try {
    const res = await (early?.session ?? fetchFn(`${window.location.origin}/api/session`, { cache: 'no-store' }))
    session = ((await res.json()) as { session?: unknown }).session === true
  } catch {
    throw new Error('The console server is not answering: it may have stopped. Start it again (npm start or handover serve) and open the address it prints.')
  }
  if (!session) throw new NoSessionError('this browser has no session with the console')
  const take = early ? earlyTaker(early.at, await early.calls) : undefined
  return createHttpTransport({ baseUrl: window.location.origin, fetch: fetchFn, early: take })
}
