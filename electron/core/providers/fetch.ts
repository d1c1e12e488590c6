import { trustedContext } from '../net/tls-context'
import { Agent, buildConnector, fetch as undiciFetch } from 'undici'
import { applyConnectTo, type NetworkProfile } from '../net/profile'

/** A fetch with the shape the provider clients (and the Cloudflare SDK) call. */
export type FetchFn = (input: string | URL, init?: RequestInit) => Promise<Response>

/**
 * An undici dispatcher that honours the profile: connect-to rewrites (the TLS server name stays
 * the requested host) and the extra trusted roots next to the system ones.
 */
export function createDispatcher(profile: NetworkProfile): Agent {
  const secureContext = profile.extraCaPem.length ? trustedContext(profile.extraCaPem) : undefined
  const connector = buildConnector({ ...(secureContext ? { secureContext } : {}), timeout: profile.timeouts.connectMs })
  return new Agent({
    connect(opts, cb) {
      const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80)
      const to = applyConnectTo(profile.connectTo, opts.hostname, port)
      const servername = opts.servername || (isIp(opts.hostname) ? undefined : opts.hostname)
      connector({ ...opts, hostname: to.host, port: String(to.port), servername }, cb)
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
