import type { Agent } from 'undici'
import type { NetworkProfile } from '../net/profile'
import type Cloudflare from 'cloudflare'
import { CLOUDFLARE_API, CloudflareClient } from './cloudflare/client'
import { createCloudflareSdk } from './cloudflare/sdk'
import { createDispatcher, profileFetch, type FetchFn } from './fetch'
import { NetlifyClient } from './hosting/netlify'
import { VercelClient } from './hosting/vercel'
import { BetterStackClient } from './monitoring/betterstack'
import { UptimeRobotClient } from './monitoring/uptimerobot'
import { RdapClient } from './rdap/client'
import { createRegistrarClient, type RegistrarClient, type RegistrarId } from './registrar'

export { ProviderError, isProviderError, providerLabel } from './errors'
// Registers the provider verifiers with the vault on load.
import './verifiers'

export interface ProviderServicesOptions {
  /** Folder for provider caches (the RDAP bootstrap): the workspace folder. None → no disk cache. */
  cacheDir?: string
  /** Replaces the profile-built fetch (e.g. an HTTP client that records exchanges). */
  fetch?: FetchFn
}

/** Provider API clients for one run, all honouring the network profile (base URLs, connect-to, CA). */
export interface ProviderServices {
  cloudflare(token: string, signal?: AbortSignal): CloudflareClient
  rdap(): RdapClient
  vercel(token: string, signal?: AbortSignal): VercelClient
  netlify(token: string, signal?: AbortSignal): NetlifyClient
  uptimerobot(apiKey: string, signal?: AbortSignal): UptimeRobotClient
  betterstack(token: string, signal?: AbortSignal): BetterStackClient
  /** A registrar's API for a stored credential (Cloudflare Registrar takes the Cloudflare token). */
  registrar(registrar: RegistrarId, secret: string, signal?: AbortSignal): RegistrarClient
  /** Close pooled connections. */
  close(): Promise<void>
}

/** Build the provider clients from the network profile. */
export function createProviderServices(profile: NetworkProfile, opts: ProviderServicesOptions = {}): ProviderServices {
  let agent: Agent | undefined
  let rdap: RdapClient | undefined
  const fetch: FetchFn = opts.fetch ?? ((input, init) => profileFetch((agent ??= createDispatcher(profile)))(input, init))
  const timeoutMs = profile.timeouts.requestMs
  const p = profile.providers
  // one SDK client per token for the whole run: each Cloudflare check used to build its own
  const sdks = new Map<string, Promise<Cloudflare>>()
  const sdkFor = (token: string) => {
    let sdk = sdks.get(token)
    if (!sdk) sdks.set(token, (sdk = createCloudflareSdk({ token, fetch, baseURL: p.cloudflare ?? CLOUDFLARE_API, timeoutMs })))
    return sdk
  }
  return {
    cloudflare: (token, signal) => new CloudflareClient({ token, fetch, baseURL: p.cloudflare, timeoutMs, signal, sdk: sdkFor(token) }),
    rdap: () => (rdap ??= new RdapClient({ fetch, bootstrapUrl: p.rdapBootstrap, cacheDir: opts.cacheDir, timeoutMs })),
    vercel: (token, signal) => new VercelClient({ token, fetch, baseURL: p.vercel, timeoutMs, signal }),
    netlify: (token, signal) => new NetlifyClient({ token, fetch, baseURL: p.netlify, timeoutMs, signal }),
    uptimerobot: (apiKey, signal) => new UptimeRobotClient({ apiKey, fetch, baseURL: p.uptimerobot, timeoutMs, signal }),
    betterstack: (token, signal) => new BetterStackClient({ token, fetch, baseURL: p.betterstack, timeoutMs, signal }),
    registrar: (registrar, secret, signal) =>
      createRegistrarClient(registrar, secret, {
        fetch,
        timeoutMs,
        signal,
        urls: { porkbun: p.porkbun, namecheap: p.namecheap, godaddy: p.godaddy, gandi: p.gandi },
        cloudflare: (token) => new CloudflareClient({ token, fetch, baseURL: p.cloudflare, timeoutMs, signal, sdk: sdkFor(token) }),
      }),
    close: async () => {
      sdks.clear()
      const a = agent
      agent = undefined
      await a?.close()
    },
  }
}
