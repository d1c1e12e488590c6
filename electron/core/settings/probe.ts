import net from 'node:net'
import type { NetworkTestReport } from '@shared/contract/settings'
import { formatConnectTo } from '@shared/network'
import { createResolver } from '../net/dns/resolver'
import { systemResolvers } from '../net/dns/system'
import { makeLookup, resolverFor } from '../net/http/lookup'
import { egressPolicy, type Route } from '../net/egress'
import type { NetworkProfile } from '../net/profile'

const since = (t0: number) => Math.round(performance.now() - t0)
const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * A preflight of the network settings for one name: resolve it through the profile's DNS (own
 * resolvers, DoH, or the system's), then open a TCP connection where the profile would send
 * name:port (after connect-to rules; a private address is refused as checks would refuse it)
 * and close it. Bounded by the profile's DNS and connect
 * timeouts; nothing is sent over the connection.
 */
export async function testNetwork(profile: NetworkProfile, name: string, port: number): Promise<NetworkTestReport> {
  if (profile.offline) {
    const error = 'offline: this computer has no network connection'
    return { name, dns: { ok: false, via: 'none (offline)', addresses: [], cnames: [], ms: 0, error }, rule: null, connect: { ok: false, host: name, port, ms: 0, error } }
  }
  const via = profile.doh || (profile.resolvers.length ? profile.resolvers : systemResolvers().map((r) => `${r} (system)`)).join(', ') || 'none configured'
  const resolver = createResolver(profile)
  const t0 = performance.now()
  const signal = AbortSignal.timeout(profile.timeouts.dnsMs * 3)
  let dns: NetworkTestReport['dns']
  try {
    const [a, aaaa] = await Promise.all([resolver.lookup(name, 'A', { signal }), resolver.lookup(name, 'AAAA', { signal })])
    const addresses = [...a.records, ...aaaa.records].map((r) => String(r.data))
    dns = { ok: addresses.length > 0, via, addresses, cnames: a.cnames, ms: since(t0), ...(addresses.length ? {} : { error: a.rcode === 'NXDOMAIN' ? `${name} does not exist (NXDOMAIN)` : `${name} has no A or AAAA record` }) }
  } catch (e) {
    dns = { ok: false, via, addresses: [], cnames: [], ms: since(t0), error: message(e) }
  }
  // Where checks would connect: the egress policy routes (connect-to) and refuses private addresses.
  const policy = egressPolicy(profile)
  let to: Route | undefined
  let refused: string | undefined
  try {
    to = policy.route(name, port, makeLookup(resolverFor(profile)))
    const v = !to.rule && dns.addresses[0] ? policy.judge(name, dns.addresses[0]) : undefined
    if (v && !v.ok) refused = v.error.message
  } catch (e) {
    refused = message(e)
  }
  const rule = to?.rule ? formatConnectTo(to.rule) : null
  const host = to?.rule ? to.host : (dns.addresses[0] ?? name)
  const connect = to && !refused ? await tcpConnect(host, to.port, profile.timeouts.connectMs, to.lookup) : { ok: false, ms: 0, error: refused }
  return { name, dns, rule, connect: { host, port: to?.port ?? port, ...connect } }
}

function tcpConnect(host: string, port: number, timeoutMs: number, lookup: net.LookupFunction): Promise<{ ok: boolean; ms: number; error?: string }> {
  const t0 = performance.now()
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, lookup })
    const done = (error?: string) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(error ? { ok: false, ms: since(t0), error } : { ok: true, ms: since(t0) })
    }
    const timer = setTimeout(() => done(`no answer from ${host}:${port} within ${timeoutMs} ms`), timeoutMs)
    socket.once('connect', () => done())
    socket.once('error', (e) => done(message(e)))
  })
}
