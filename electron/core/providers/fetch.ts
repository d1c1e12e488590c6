import { lookup as systemLookup } from 'node:dns'
import type { LookupFunction } from 'node:net'
import { trustedContext } from '../net/tls-context'
import { Agent, buildConnector, fetch as undiciFetch } from 'undici'
import { egressPolicy, endpointsOf } from '../net/egress'
import type { NetworkProfile } from '../net/profile'

/** A fetch with the shape the provider clients (and the Cloudflare SDK) call. */
export type FetchFn = (input: string | URL, init?: RequestInit) => Promise<Response>

/**
 * An undici dispatcher that honours the profile: connect-to rewrites (the TLS server name stays
 * the requested host), the extra trusted roots next to the system ones, and the egress policy.
 * The profile's provider base URLs are fixed endpoints and reached as configured; anywhere else
 * a response sends the client (an RDAP referral, a redirect) may not be a private address.
 */
export function createDispatcher(profile: NetworkProfile): Agent {
  const secureContext = profile.extraCaPem.length ? trustedContext(profile.extraCaPem) : undefined
  const base = { ...(secureContext ? { secureContext } : {}), timeout: profile.timeouts.connectMs }
  const policy = egressPolicy(profile, endpointsOf(Object.values(profile.providers)))
  const lookup = systemLookup as unknown as LookupFunction
  // undici takes the lookup per connector, not per connection: one judges addresses, one does not.
  const routed = buildConnector(base)
  const guarded = buildConnector({ ...base, lookup: policy.guard(lookup) } as Parameters<typeof buildConnector>[0])
  return new Agent({
    connect(opts, cb) {
      const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80)
      let to
      try {
        to = policy.route(opts.hostname, port, lookup)
      } catch (e) {
        return cb(e as Error, null)
      }
      const servername = opts.servername || (isIp(opts.hostname) ? undefined : opts.hostname)
      ;(to.guarded ? guarded : routed)({ ...opts, hostname: to.host, port: String(to.port), servername }, cb)
    },
    connectTimeout: profile.timeouts.connectMs,
    headersTimeout: profile.timeouts.requestMs,
    bodyTimeout: profile.timeouts.requestMs,
    // Idle connections close soon, so a CLI run never lingers on a pooled socket.
    keepAliveTimeout: 2000,
    keepAliveMaxTimeout: 5000,
  })
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':')
}

/** A fetch bound to a dispatcher built from the profile. */
export function profileFetch(dispatcher: Agent): FetchFn {
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1])) as unknown as FetchFn
}
