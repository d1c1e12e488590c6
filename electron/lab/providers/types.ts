import type { ProvidersSpec } from './schema'

/** The provider APIs the sandbox serves, each under its own path prefix. */
export type ProviderName = 'cloudflare' | 'rdap' | 'vercel' | 'netlify' | 'uptimerobot' | 'betterstack' | 'porkbun' | 'namecheap' | 'godaddy' | 'gandi' | 'github' | 'stripe' | 'aws' | 'supabase'

/** A parsed request, its path relative to the provider's prefix. */
export interface ApiRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  /** Form fields (UptimeRobot POSTs) merged with query parameters. */
  form: URLSearchParams
  /** The raw request body (JSON APIs such as Porkbun read it). */
  body: string
  /** Absolute URL of the provider's base (for pagination links). */
  base: string
}

export interface ApiReply {
  status: number
  /** Sent as JSON. */
  body?: unknown
  /** Sent as is, with `contentType` (Namecheap's XML). */
  text?: string
  contentType?: string
  headers?: Record<string, string>
}

/** Keys issued and revoked while the lab runs (rotation): shared by every world of one start. */
export interface LabKeys {
  /** Further valid keys per credential name, beside the one made at start. */
  extra: Map<string, Set<string>>
  revoked: Set<string>
}

/** Everything the handlers read: the scenario, the lab's tokens and canaries, the clock. */
export interface World {
  spec: ProvidersSpec
  domains: string[]
  credentials: Record<string, string>
  keys: LabKeys
  /** Canary strings planted in env var values: they must never reach disk. */
  canaries: string[]
  /** Lab start time: dates in responses are relative to it. */
  now: number
  /** Absolute base URL of the whole provider server. */
  origin: string
}

export type Handler = (req: ApiRequest, params: Record<string, string>, world: World) => ApiReply

export interface Route {
  method: 'GET' | 'POST'
  /** Path with `:name` segments, relative to the provider's prefix. */
  pattern: string
  handle: Handler
}

/** One provider API: its prefix, how it checks credentials, its error shape and its routes. */
export interface ProviderApi {
  name: ProviderName
  /** Path prefix on the shared server, e.g. `/cloudflare/client/v4`. */
  prefix: string
  /** Returns an error reply when the request is not authorised, else undefined. */
  auth(req: ApiRequest, world: World): ApiReply | undefined
  /** A reply in the provider's own error shape. */
  error(status: number, message: string): ApiReply
  routes: Route[]
}
