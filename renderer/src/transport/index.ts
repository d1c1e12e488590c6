import { createHttpTransport } from './http'
import { createIpcTransport } from './ipc'
import type { Transport } from './types'

export type { Transport, ConnectionStatus } from './types'
export { TransportError, toErrorInfo } from './types'

const TOKEN_KEY = 'handover.token'

/** Why no transport could be built: browser mode opened without its token. */
export class NoSessionError extends Error {}

/**
 * Electron when the preload bridge exists, else browser mode. In browser mode the token
 * arrives in the URL fragment once; it moves to sessionStorage (survives reloads of this
 * tab only) and leaves the address bar, so it is not copied or bookmarked by accident.
 */
export function pickTransport(): Transport {
  if (window.handover) return createIpcTransport(window.handover)
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]))
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
  const token = sessionStorage.getItem(TOKEN_KEY)
  if (!token) throw new NoSessionError('this page needs the session token: open the full address printed by handover serve (it ends with #token=…)')
  return createHttpTransport({ baseUrl: window.location.origin, token })
}
