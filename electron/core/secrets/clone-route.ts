import { isIP, type LookupFunction } from 'node:net'
import { AppError } from '@shared/errors'
import { egressPolicy, type AllowedPrivate, type EgressPolicy } from '../net/egress'
import type { Resolver } from '../net/dns/resolver'
import { makeLookup } from '../net/http/lookup'
import type { NetworkProfile } from '../net/profile'

/** How git is told to reach a clone URL: the URL it is given, its -c settings, and what the policy allowed. */
export interface CloneRoute {
  url: string
  /** git -c key=value pairs that pin the connection to the address judged here. */
  config: [string, string][]
  /** A private address the clone reaches because the engagement allows it (kept as evidence). */
  allowed?: AllowedPrivate
}

const lookupOnce = (lookup: LookupFunction, host: string): Promise<{ address: string; family: number }> =>
  new Promise((resolve, reject) =>
    lookup(host, { all: false }, ((err: Error | null, address: string, family: number) => (err ? reject(err) : resolve({ address, family }))) as never),
  )

/**
 * Route a clone URL through the egress policy every other check obeys (issue 17): the host is
 * resolved here, with the run's resolver, and judged after resolution, then git connects to that
 * very address (`http.curloptResolve`), so a name that resolves to a private address, or answers
 * differently to git a moment later (DNS rebinding), never reaches the consultant's network.
 * Redirects are not followed: they would lead git past the address judged here. A connect-to rule
 * (the sandbox's routing, a consultant's preflight rule) is followed as configured.
 */
export async function cloneRoute(url: string, profile: Pick<NetworkProfile, 'connectTo' | 'privateTargets'>, resolver?: Resolver, signal?: AbortSignal): Promise<CloneRoute> {
  const u = new URL(url)
  const host = u.hostname.replace(/^\[|\]$/g, '')
  const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80)
  let allowed: AllowedPrivate | undefined
  const refused = (e: unknown) => new AppError('invalid_input', `not cloned: ${(e as Error).message.split('\n')[0]}`)
  let route: ReturnType<EgressPolicy['route']>
  try {
    route = egressPolicy(profile).route(host, port, makeLookup(resolver, signal), (a) => (allowed = a))
  } catch (e) {
    throw refused(e)
  }
  const config: [string, string][] = [['http.followRedirects', 'false']]
  const pin = (address: string) => config.push(['http.curloptResolve', `${host}:${port}:${isIP(address) === 6 ? `[${address}]` : address}`])
  if (route.rule && route.port !== port) {
    // git cannot connect to another port for a name; over plain HTTP the URL is rewritten and the
    // Host header keeps the name. Over HTTPS the certificate would not match, so it is refused.
    if (u.protocol === 'https:') throw new AppError('invalid_input', `the connect-to rule for ${host}:${port} changes the port, which git cannot follow over https`)
    const to = isIP(route.host) === 6 ? `[${route.host}]` : route.host
    return { url: `http://${to}:${route.port}${u.pathname}${u.search}`, config: [...config, ['http.extraHeader', `Host: ${u.host}`]] }
  }
  try {
    pin(isIP(route.host) ? route.host : (await lookupOnce(route.lookup, route.host)).address)
  } catch (e) {
    if ((e as { code?: string }).code === 'EGRESS_BLOCKED') throw refused(e)
    throw new AppError('unavailable', `${host} does not resolve: ${(e as Error).message.split('\n')[0]}`)
  }
  return { url, config, ...(allowed ? { allowed } : {}) }
}
