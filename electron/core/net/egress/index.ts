import type { NetworkProfile } from '../profile'
import { EgressPolicy } from './policy'

export { EgressError, EgressPolicy, egressErrorOf, type AllowedPrivate, type Route, type Verdict } from './policy'
export { embeddedIpv4, privateRange, type PrivateRange } from './ranges'

/**
 * The egress policy for a profile: its connect-to rules and private targets, plus `endpoints`
 * ("host:port" the caller reaches on purpose, such as provider API base URLs).
 */
export function egressPolicy(profile: Pick<NetworkProfile, 'connectTo' | 'privateTargets'>, endpoints: string[] = []): EgressPolicy {
  return new EgressPolicy(profile.connectTo, profile.privateTargets ?? [], endpoints)
}

/** "host:port" of each http(s) URL given (default ports filled in); others are skipped. */
export function endpointsOf(urls: (string | undefined)[]): string[] {
  const out: string[] = []
  for (const raw of urls) {
    if (!raw) continue
    try {
      const u = new URL(raw)
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue
      out.push(`${u.hostname.replace(/^\[|\]$/g, '')}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`)
    } catch {
      // not a URL: nothing to exempt
    }
  }
  return out
}
