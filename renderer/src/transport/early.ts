/**
 * Requests the first screen needs, sent by renderer/src/boot.ts while the app's code is still
 * loading (browser mode only): the session check, then, for a browser with a session, the calls
 * the store's `init` makes. The transport takes each answer once; after EARLY_TTL_MS it asks
 * the server again instead.
 */
export interface EarlyRequests {
  /** performance.now() when they were sent. */
  at: number
  session: Promise<Response>
  /** The calls by method, once the session check answered (empty without a session). */
  calls: Promise<Map<string, Promise<Response>>>
}

declare global {
  interface Window {
    __handoverEarly?: EarlyRequests
  }
}

/** An answer older than this is not handed out: the caller asks again. */
export const EARLY_TTL_MS = 10_000

/** The early requests, once: undefined in Electron, under the dev server, or when already taken. */
export function takeEarly(): EarlyRequests | undefined {
  const early = window.__handoverEarly
  delete window.__handoverEarly
  return early
}

/** Hands out each early answer once, to a call made with no input, and none once they are stale. */
export function earlyTaker(at: number, calls: Map<string, Promise<Response>>, now: () => number = () => performance.now()): (method: string) => Promise<Response> | undefined {
  return (method) => {
    if (now() - at > EARLY_TTL_MS) calls.clear()
    const p = calls.get(method)
    calls.delete(method)
    return p
  }
}
