import type { ProviderUrls } from '../../core/net/profile'
import { betterstackApi } from './betterstack'
import { cloudflareApi } from './cloudflare'
import { netlifyApi } from './netlify'
import { rdapApi } from './rdap'
import { providersSchema, type ProvidersSpec } from './schema'
import { startApiServer } from './server'
import type { ProviderApi } from './types'
import { uptimerobotApi } from './uptimerobot'
import { vercelApi } from './vercel'
import { makeCanary, makeCredentials, makeWorld } from './world'

export { providersSchema, type ProvidersSpec, type ProvidersInput } from './schema'

export interface ProviderServer {
  urls: ProviderUrls
  /**
   * Sandbox token per provider (cloudflare, vercel, netlify, uptimerobot, betterstack), random
   * per start; only for providers the scenario has a section for.
   */
  credentials: Record<string, string>
  /** Strings planted in env var values served by Vercel and Netlify: leak tests grep for them. */
  canaries: string[]
  /** Swap in another scenario (tokens and canaries stay). */
  reload(spec: ProvidersSpec): void
  close(): Promise<void>
}

const APIS: ProviderApi[] = [cloudflareApi, rdapApi, vercelApi, netlifyApi, uptimerobotApi, betterstackApi]

/**
 * Start the sandbox provider APIs on one loopback HTTP server, each under its own prefix
 * (`/cloudflare/client/v4`, `/rdap`, `/vercel`, `/netlify/api/v1`, `/uptimerobot/v2`,
 * `/betterstack/api/v2`). `domains` are the scenario's primary domains: the defaults for zones
 * and RDAP records.
 */
export async function startProviders(spec: ProvidersSpec | undefined, ctx: { domains: string[]; latencyMs?: number }): Promise<ProviderServer> {
  const credentials = makeCredentials()
  const canary = makeCanary()
  const withLatency = (s: ProvidersSpec | undefined): ProvidersSpec => {
    const parsed = s ?? providersSchema.parse({})
    return ctx.latencyMs && !parsed.latencyMs ? { ...parsed, latencyMs: ctx.latencyMs } : parsed
  }
  const now = Date.now()
  const server = await startApiServer(APIS, (origin) => makeWorld(withLatency(spec), ctx.domains, origin, credentials, canary, now))
  const o = server.origin
  return {
    urls: {
      cloudflare: `${o}/cloudflare/client/v4`,
      rdapBootstrap: `${o}/rdap/bootstrap/dns.json`,
      vercel: `${o}/vercel`,
      netlify: `${o}/netlify/api/v1`,
      uptimerobot: `${o}/uptimerobot/v2`,
      betterstack: `${o}/betterstack/api/v2`,
    },
    // Only providers the scenario declares get a credential, so checks for the others skip.
    credentials: Object.fromEntries(Object.entries(credentials).filter(([name]) => spec?.[name as keyof ProvidersSpec] !== undefined)),
    canaries: [canary],
    reload(next) {
      server.setWorld(makeWorld(withLatency(next), ctx.domains, o, credentials, canary, now))
    },
    close: () => server.close(),
  }
}
