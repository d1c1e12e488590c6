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
import { freshKey, makeCanary, makeCredentials, makeWorld, specKey } from './world'
import { gandiApi } from './registrars/gandi'
import { godaddyApi } from './registrars/godaddy'
import { namecheapApi } from './registrars/namecheap'
import { porkbunApi } from './registrars/porkbun'
import { awsApi, githubApi, stripeApi, supabaseApi } from './accounts'
import type { LabKeys } from './types'

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
  /** Issue another live key for a credential name ('cloudflare', 'registrar-porkbun', …): a rotation at the provider. */
  issueCredential(name: string): string
  /** Revoke a key: the provider answers it as an invalid (or expired) credential from now on. */
  revokeCredential(name: string, secret: string): void
  /** Swap in another scenario (tokens and canaries stay). */
  reload(spec: ProvidersSpec): void
  close(): Promise<void>
}

const APIS: ProviderApi[] = [cloudflareApi, rdapApi, vercelApi, netlifyApi, uptimerobotApi, betterstackApi, porkbunApi, namecheapApi, godaddyApi, gandiApi, githubApi, stripeApi, awsApi, supabaseApi]

/**
 * Start the sandbox provider APIs on one loopback HTTP server, each under its own prefix
 * (`/cloudflare/client/v4`, `/rdap`, `/vercel`, `/netlify/api/v1`, `/uptimerobot/v2`,
 * `/betterstack/api/v2`). `domains` are the scenario's primary domains: the defaults for zones
 * and RDAP records.
 */
export async function startProviders(spec: ProvidersSpec | undefined, ctx: { domains: string[]; latencyMs?: number }): Promise<ProviderServer> {
  const credentials = makeCredentials()
  // Namecheap's key names the API user: the scenario's.
  if (spec?.namecheap) credentials['registrar-namecheap'] = credentials['registrar-namecheap'].replace(/^[^:]+/, spec.namecheap.user)
  const keys: LabKeys = { extra: new Map(), revoked: new Set() }
  const canary = makeCanary()
  const withLatency = (s: ProvidersSpec | undefined): ProvidersSpec => {
    const parsed = s ?? providersSchema.parse({})
    return ctx.latencyMs && !parsed.latencyMs ? { ...parsed, latencyMs: ctx.latencyMs } : parsed
  }
  const now = Date.now()
  const server = await startApiServer(APIS, (origin) => makeWorld(withLatency(spec), ctx.domains, origin, credentials, canary, now, keys))
  const o = server.origin
  return {
    urls: {
      cloudflare: `${o}/cloudflare/client/v4`,
      rdapBootstrap: `${o}/rdap/bootstrap/dns.json`,
      vercel: `${o}/vercel`,
      netlify: `${o}/netlify/api/v1`,
      uptimerobot: `${o}/uptimerobot/v2`,
      betterstack: `${o}/betterstack/api/v2`,
      porkbun: `${o}/porkbun/api/json/v3`,
      namecheap: `${o}/namecheap/xml.response`,
      godaddy: `${o}/godaddy`,
      gandi: `${o}/gandi/v5`,
      github: `${o}/github`,
      stripe: `${o}/stripe`,
      aws: `${o}/aws`,
      supabase: `${o}/supabase`,
    },
    // Only providers the scenario declares get a credential, so checks for the others skip.
    credentials: Object.fromEntries(Object.entries(credentials).filter(([name]) => spec?.[specKey(name) as keyof ProvidersSpec] !== undefined)),
    canaries: [canary],
    issueCredential(name) {
      const key = freshKey(name, credentials[name] ?? '')
      let set = keys.extra.get(name)
      if (!set) keys.extra.set(name, (set = new Set()))
      set.add(key)
      return key
    },
    revokeCredential(name, secret) {
      keys.extra.get(name)?.delete(secret)
      keys.revoked.add(secret)
    },
    reload(next) {
      server.setWorld(makeWorld(withLatency(next), ctx.domains, o, credentials, canary, now, keys))
    },
    close: () => server.close(),
  }
}
