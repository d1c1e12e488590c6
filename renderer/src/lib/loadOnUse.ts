import type { ErrorInfo } from '@shared/errors'

/** What a person reads when a piece of the app's own code could not be fetched. */
export const CHUNK_UNAVAILABLE =
  'Part of the console could not be loaded: its server may have stopped. Start it again (npm start or handover serve), then reload this page.'

/**
 * A module the app fetches on first use (a schema, a parser): the module, or an error in words
 * instead of an unhandled rejection when it cannot be fetched (browser mode, the server gone).
 */
export async function loadOnUse<T>(load: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ErrorInfo }> {
  try {
    return { ok: true, value: await load() }
  } catch {
    return { ok: false, error: { code: 'unavailable', message: `${CHUNK_UNAVAILABLE} Nothing was saved.` } }
  }
}
