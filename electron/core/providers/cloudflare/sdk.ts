import type * as CloudflareModule from 'cloudflare'
import type Cloudflare from 'cloudflare'
import type { FetchFn } from '../fetch'

type Module = typeof CloudflareModule
let loaded: Module | undefined
let loading: Promise<Module> | undefined

/**
 * The Cloudflare SDK, loaded on first use: it costs tens of MB of memory that a session which
 * never reaches Cloudflare (most of the app's life) should not pay.
 */
export function loadCloudflareSdk(): Promise<Module> {
  loading ??= import('cloudflare').then((m) => (loaded = m))
  return loading
}

/** The SDK module if something loaded it already (an SDK error can only come from a loaded SDK). */
export function loadedCloudflareSdk(): Module | undefined {
  return loaded
}

export interface SdkOptions {
  token: string
  fetch: FetchFn
  baseURL: string
  timeoutMs: number
}

/** One SDK client: its own retry off (ours is bounded and cancellable), no logging. */
export async function createCloudflareSdk(o: SdkOptions): Promise<Cloudflare> {
  const m = await loadCloudflareSdk()
  return new m.default({
    apiToken: o.token,
    apiKey: null,
    apiEmail: null,
    userServiceKey: null,
    baseURL: o.baseURL,
    fetch: o.fetch as never,
    maxRetries: 0,
    timeout: o.timeoutMs,
    logLevel: 'off',
  })
}
