import { egressPolicy } from '../egress'
import { applyConnectTo } from '../profile'
import { DnsError } from './errors'
import type { Resolver } from './resolver'
import type { DnsResponse, QueryOptions } from './types'

const lower = (s: string) => s.toLowerCase().replace(/\.$/, '')

/** A nameserver of a zone and the addresses we ask it on ("ip:port", after connect-to). */
export interface NameServer {
  name: string
  addresses: string[]
  /** Why no address could be found, when addresses is empty. */
  error?: string
}

/** What one authoritative server said, or why it could not be asked. */
export interface AuthAnswer {
  ns: string
  response?: DnsResponse
  error?: string
}

/** The parent's view of a zone: the NS it delegates to, glue and DS, per parent server. */
export interface Delegation {
  parentZone: string
  answers: AuthAnswer[]
  ns: string[]
  ds: unknown[]
}

/** The parent name (one label less), or '' for a top-level name. */
export function parentOf(name: string): string {
  const n = lower(name)
  const i = n.indexOf('.')
  return i < 0 ? '' : n.slice(i + 1)
}

/**
 * The zone (apex) a name lives in: the nearest enclosing name with an SOA, found with
 * recursive SOA queries (the SOA in the authority section of a negative answer shortcuts it).
 */
export async function findZone(r: Resolver, name: string, o: QueryOptions = {}): Promise<string> {
  let cur = lower(name)
  for (let i = 0; i < 20 && cur; i++) {
    const res = await r.query(cur, 'SOA', { signal: o.signal })
    if (res.answers.some((a) => a.type === 'SOA' && a.name === cur)) return cur
    const soa = res.authorities.find((a) => a.type === 'SOA')
    if (soa && (cur === soa.name || cur.endsWith('.' + soa.name))) return soa.name
    cur = parentOf(cur)
  }
  throw new DnsError('servfail', `could not find the DNS zone that holds ${name}`)
}

/** The zone's NS names (from a recursive resolver) with their addresses. */
export async function zoneNameServers(r: Resolver, zone: string, o: QueryOptions = {}): Promise<NameServer[]> {
  const res = await r.query(zone, 'NS', { signal: o.signal })
  const names = [...new Set(res.answers.filter((a) => a.type === 'NS' && a.name === lower(zone)).map((a) => lower(String(a.data))))]
  return Promise.all(names.map((n) => addressesOf(r, n, o)))
}

/** Addresses to reach one nameserver on port 53: a connect-to rule by name wins, else its A/AAAA that the egress policy allows. */
export async function addressesOf(r: Resolver, ns: string, o: QueryOptions = {}, glue: string[] = []): Promise<NameServer> {
  const rules = r.profile.connectTo
  const byName = applyConnectTo(rules.filter((x) => x.host !== ''), ns, 53)
  if (byName.rule) return { name: ns, addresses: [`${byName.host}:${byName.port}`] }
  let ips = glue
  let error: string | undefined
  if (!ips.length) {
    const [a, aaaa] = await Promise.allSettled([r.lookup(ns, 'A', { signal: o.signal }), r.lookup(ns, 'AAAA', { signal: o.signal })])
    ips = [...(a.status === 'fulfilled' ? a.value.records : []), ...(aaaa.status === 'fulfilled' ? aaaa.value.records : [])].map((x) => String(x.data))
    if (!ips.length) error = a.status === 'rejected' ? (a.reason as Error).message : `${ns} has no address (A/AAAA)`
  }
  // A nameserver's address comes from the network: a private one is not asked (unless routed or allowed).
  const policy = egressPolicy(r.profile)
  const refused: string[] = []
  const routes = ips.flatMap((ip) => {
    const t = applyConnectTo(rules, ip, 53)
    const v = t.rule ? undefined : policy.judge(ns, ip)
    if (v && !v.ok) return (refused.push(v.error.message), [])
    return [t]
  })
  const addresses = [...new Set(routes.map((t) => (t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.host}:${t.port}`)))]
  if (!addresses.length && refused.length) error ??= refused[0]
  return error ? { name: ns, addresses, error } : { name: ns, addresses }
}

/** Ask every server directly (RD=0), each on its first address that answers. */
export async function askEach(r: Resolver, servers: NameServer[], name: string, type: string, o: QueryOptions = {}): Promise<AuthAnswer[]> {
  return Promise.all(
    servers.map(async (ns): Promise<AuthAnswer> => {
      if (!ns.addresses.length) return { ns: ns.name, error: ns.error ?? `${ns.name} has no address` }
      let err = ''
      for (const addr of ns.addresses.slice(0, 3)) {
        try {
          const response = await r.query(name, type, { server: addr, rd: false, dnssec: o.dnssec, signal: o.signal })
          response.serverName = ns.name
          return { ns: ns.name, response }
        } catch (e) {
          if ((e as DnsError).kind === 'aborted') throw e
          err = (e as Error).message
        }
      }
      return { ns: ns.name, error: err }
    }),
  )
}

/** Ask the zone's own authoritative servers for name/type. */
export async function queryAuthoritative(r: Resolver, name: string, type: string, o: QueryOptions & { zone?: string } = {}): Promise<AuthAnswer[]> {
  const zone = o.zone ?? (await findZone(r, name, o))
  return askEach(r, await zoneNameServers(r, zone, o), name, type, o)
}

/** Ask the parent zone's servers how they delegate `zone`: NS in the authority section, glue, DS. */
export async function parentDelegation(r: Resolver, zone: string, o: QueryOptions = {}): Promise<Delegation> {
  const parent = parentOf(zone)
  if (!parent) throw new DnsError('no-servers', `${zone} is a top-level domain; its parent is the root`)
  const parentZone = await findZone(r, parent, o)
  const servers = await zoneNameServers(r, parentZone, o)
  const answers = await askEach(r, servers, zone, 'NS', o)
  const ns = new Set<string>()
  for (const a of answers) {
    for (const rec of [...(a.response?.authorities ?? []), ...(a.response?.answers ?? [])]) {
      if (rec.type === 'NS' && rec.name === lower(zone)) ns.add(lower(String(rec.data)))
    }
  }
  const dsAnswers = await askEach(r, servers, zone, 'DS', { ...o, dnssec: true })
  const ds = dsAnswers.flatMap((a) => (a.response?.answers ?? []).filter((x) => x.type === 'DS').map((x) => x.data))
  return { parentZone, answers: [...answers, ...dsAnswers], ns: [...ns].sort(), ds }
}
