import { applyConnectTo, type NetworkProfile } from '../profile'
import { dohExchange } from './doh'
import { DnsError } from './errors'
import { systemResolvers } from './system'
import type { DnsRecord, DnsResponse, QueryOptions } from './types'
import { fmt, parseReply, parseServer, tcpExchange, toResponse, udpExchange } from './wire'

/** A question that got no usable answer (timeout, SERVFAIL, garbage ...), for evidence. */
export interface DnsFailure {
  question: { name: string; type: string }
  server?: string
  kind: string
  error: string
}

/** Receives every response, and (when given) every failed question. */
export type ResponseSink = ((r: DnsResponse) => void) & { failed?: (f: DnsFailure) => void }

interface Shared {
  profile: NetworkProfile
  cache: Map<string, Promise<DnsResponse>>
  recursive: string[]
}

const lower = (s: string) => s.toLowerCase().replace(/\.$/, '')

/**
 * A stub resolver: UDP with TCP fallback on truncation, EDNS0, bounded retries and timeouts,
 * id and question matching. Asks the profile's recursive resolvers (or the system's, or DoH),
 * or one named server directly. Answers are cached per run; every exchange goes to the sink so
 * checks can keep it as evidence.
 */
export class Resolver {
  private readonly s: Shared
  constructor(
    profile: NetworkProfile | Shared,
    private readonly sink?: ResponseSink,
  ) {
    this.s =
      'cache' in profile
        ? profile
        : { profile, cache: new Map(), recursive: profile.resolvers.length ? profile.resolvers : systemResolvers() }
  }

  get profile(): NetworkProfile {
    return this.s.profile
  }

  /** A view of this resolver (same cache) that reports every response to `sink` too. */
  recording(sink: ResponseSink): Resolver {
    const outer = this.sink
    const both: ResponseSink = (r) => {
      outer?.(r)
      sink(r)
    }
    both.failed = (f) => {
      outer?.failed?.(f)
      sink.failed?.(f)
    }
    return new Resolver(this.s, both)
  }

  /**
   * Ask one question. SERVFAIL/REFUSED/FORMERR, timeouts, network errors and garbage throw a
   * DnsError (after trying every configured server); NXDOMAIN and empty answers are returned.
   */
  async query(name: string, type: string, o: QueryOptions = {}): Promise<DnsResponse> {
    const qname = lower(name) || '.'
    const rd = o.rd ?? true
    const key = `${o.server ?? '*'}|${qname}|${type}|${rd}|${!!o.dnssec}`
    let p = this.s.cache.get(key)
    if (!p) {
      // The shared query is bounded by its own timeouts, never by one caller's signal: callers
      // asking the same question at once share it, and one of them finishing must not cancel
      // the others. Each caller stops waiting on its own signal instead.
      p = this.ask(qname, type, rd, !!o.dnssec, o.server)
      this.s.cache.set(key, p)
      p.catch(() => undefined)
    }
    let r: DnsResponse
    try {
      r = await untilAborted(p, o.signal, `query for ${qname} ${type} was cancelled`)
    } catch (e) {
      const err = e as DnsError
      if (err.kind !== 'aborted') this.sink?.failed?.({ question: { name: qname, type }, server: err.server, kind: err.kind ?? 'error', error: err.message })
      throw e
    }
    this.sink?.(r)
    return r
  }

  /** Records of `type` for `name` (following the CNAME chain in the answer), plus the response. */
  async lookup(name: string, type: string, o: QueryOptions = {}): Promise<{ rcode: string; records: DnsRecord[]; cnames: string[]; response: DnsResponse }> {
    const response = await this.query(name, type, o)
    let cur = lower(name)
    const cnames: string[] = []
    for (let i = 0; i < 10; i++) {
      const c = response.answers.find((a) => a.name === cur && a.type === 'CNAME' && type !== 'CNAME')
      if (!c) break
      cur = lower(String(c.data))
      // A CNAME loop: stop at the first repeat (the chain is reported as is).
      if (cnames.includes(cur) || cur === lower(name)) {
        cnames.push(cur)
        break
      }
      cnames.push(cur)
    }
    const records = response.answers.filter((a) => a.type === type && a.name === cur)
    return { rcode: response.rcode, records, cnames, response }
  }

  private async ask(name: string, type: string, rd: boolean, dnssec: boolean, server: string | undefined, signal?: AbortSignal): Promise<DnsResponse> {
    const { profile } = this.s
    if (!server && profile.doh) return this.askDoh(name, type, dnssec, signal)
    const servers = server ? [server] : this.s.recursive
    if (!servers.length) throw new DnsError('no-servers', 'no DNS resolver is configured (none in the profile or /etc/resolv.conf)')
    let last: DnsError | undefined
    // Two rounds over the server list: a lost UDP packet gets one retry, bounded in count and time.
    for (let round = 0; round < 2; round++) {
      for (const s of servers) {
        try {
          const r = await this.askOne(s, name, type, rd, dnssec, signal)
          if (r.rcode === 'SERVFAIL' || r.rcode === 'REFUSED' || r.rcode === 'FORMERR' || r.rcode === 'NOTIMP') {
            last = new DnsError(r.rcode === 'REFUSED' ? 'refused' : r.rcode === 'SERVFAIL' ? 'servfail' : 'formerr', `${r.server} answered ${r.rcode} for ${name} ${type}`, r.server)
            continue
          }
          return r
        } catch (e) {
          const err = e as DnsError
          if (err.kind === 'aborted') throw err
          last = err
          // Garbage and refusals do not get better by asking again; timeouts might.
          if (err.kind !== 'timeout' && err.kind !== 'network') continue
        }
      }
      if (last && last.kind !== 'timeout' && last.kind !== 'network') break
    }
    throw last ?? new DnsError('no-servers', `no server answered ${name} ${type}`)
  }

  private async askOne(spec: string, name: string, type: string, rd: boolean, dnssec: boolean, signal?: AbortSignal): Promise<DnsResponse> {
    const parsed = parseServer(spec)
    const to = applyConnectTo(this.s.profile.connectTo, parsed.host, parsed.port)
    const x = { host: to.host, port: to.port, name, type, rd, dnssec, timeoutMs: this.s.profile.timeouts.dnsMs, signal }
    const server = fmt(to.host, to.port)
    const t0 = performance.now()
    const ask = async (edns: boolean) => {
      const u = await udpExchange({ ...x, edns })
      const p = parseReply(u.buf, u.id, name, type, server)
      if (!p.flag_tc) return { p, transport: 'udp' as const }
      const t = await tcpExchange({ ...x, edns })
      return { p: parseReply(t.buf, t.id, name, type, server), transport: 'tcp' as const }
    }
    let { p, transport } = await ask(true)
    // A server that predates EDNS answers FORMERR to the OPT record: ask once more without it
    // (RFC 6891 §7). Not for DNSSEC questions: the DO bit lives in the OPT record.
    const formerr = String((p as unknown as { rcode?: string }).rcode) === 'FORMERR'
    if (formerr && !dnssec) ({ p, transport } = await ask(false))
    const r = toResponse(p, server, transport, name, type, Math.round(performance.now() - t0))
    if (formerr && !dnssec) r.ednsFallback = true
    if (spec !== server) r.serverName = spec
    return r
  }

  private async askDoh(name: string, type: string, dnssec: boolean, signal?: AbortSignal): Promise<DnsResponse> {
    const { profile } = this.s
    const url = profile.doh as string
    const t0 = performance.now()
    const o = { url, connectTo: profile.connectTo, extraCaPem: profile.extraCaPem, timeoutMs: profile.timeouts.dnsMs, signal }
    const { buf, id } = await dohExchange(o, name, type, dnssec)
    const r = toResponse(parseReply(buf, id, name, type, url), url, 'doh', name, type, Math.round(performance.now() - t0))
    if (r.rcode === 'SERVFAIL' || r.rcode === 'REFUSED') throw new DnsError(r.rcode === 'SERVFAIL' ? 'servfail' : 'refused', `${url} answered ${r.rcode} for ${name} ${type}`, url)
    return r
  }
}

/** Create the run's resolver from the network profile. */
export function createResolver(profile: NetworkProfile): Resolver {
  return new Resolver(profile)
}

/** Wait for `p`, or reject with an 'aborted' DnsError as soon as `signal` fires. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined, message: string): Promise<T> {
  if (!signal) return p
  if (signal.aborted) return Promise.reject(new DnsError('aborted', message))
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DnsError('aborted', message))
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      },
    )
  })
}
