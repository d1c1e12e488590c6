import { lookup as dnsLookup } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import { createResolver, type Resolver } from '../dns/resolver'
import type { NetworkProfile } from '../profile'

/**
 * A `lookup` for net/tls.connect: names go to the run's DNS resolver when one is given (so a
 * custom or lab resolver applies), otherwise to the system's. A/AAAA, first address wins.
 */
export function makeLookup(resolver?: Resolver, signal?: AbortSignal): LookupFunction {
  if (!resolver) return dnsLookup as unknown as LookupFunction
  return ((hostname: string, options: { all?: boolean }, callback: (...a: unknown[]) => void) => {
    const done = (err: Error | null, address?: string, family?: number) => {
      if (options?.all) callback(err, err ? [] : [{ address, family }])
      else callback(err, address, family)
    }
    if (isIP(hostname)) return done(null, hostname, isIP(hostname))
    void (async () => {
      for (const type of ['A', 'AAAA'] as const) {
        const r = await resolver.lookup(hostname, type, { signal })
        const rec = r.records[0]
        if (rec) return done(null, String(rec.data), type === 'A' ? 4 : 6)
        if (r.rcode === 'NXDOMAIN') break
      }
      const e = Object.assign(new Error(`${hostname} does not resolve (no A/AAAA record)`), { code: 'ENOTFOUND' })
      done(e)
    })().catch((e: Error) => done(Object.assign(new Error(`${hostname}: ${e.message}`), { code: 'ENOTFOUND' })))
  }) as unknown as LookupFunction
}

/**
 * The resolver names go to: the given one, else one of our own when the profile names
 * resolvers or DoH (a custom or lab resolver), else none (the system's, with /etc/hosts).
 */
export function resolverFor(profile: NetworkProfile, given?: Resolver): Resolver | undefined {
  if (given) return given
  return profile.resolvers.length || profile.doh ? createResolver(profile) : undefined
}
