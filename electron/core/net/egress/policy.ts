import type { LookupAddress } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { applyConnectTo, type ConnectToRule } from '../profile'
import { privateRange, type PrivateRange } from './ranges'

/** A connection refused because it would reach a private address. */
export class EgressError extends Error {
  readonly code = 'EGRESS_BLOCKED'
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: PrivateRange,
  ) {
    super(`${host === address ? address : `${host} (${address})`} is a ${range} address; checks do not connect there`)
    this.name = 'EgressError'
  }
}

/** The EgressError behind a connection failure (undici and fetch wrap it as a cause), if any. */
export function egressErrorOf(e: unknown): EgressError | undefined {
  for (let x = e as { cause?: unknown } | undefined, i = 0; x && i < 4; x = x.cause as typeof x, i++) {
    if (x instanceof EgressError) return x
  }
  return undefined
}

/** A private address a connection reached because the engagement allows it (kept as evidence). */
export interface AllowedPrivate {
  host: string
  address: string
  range: PrivateRange
  /** The engagement's private-target entry that allowed it. */
  allowedBy: string
}

export type Verdict = { ok: true; allowed?: AllowedPrivate } | { ok: false; error: EgressError }

/** Where one connection goes: a connect-to route, or the host itself behind a guarded lookup. */
export interface Route {
  host: string
  port: number
  /** The connect-to rule that routed it (an explicit route: followed as configured). */
  rule?: ConnectToRule
  /** False for an explicit route or fixed endpoint, whose addresses are not judged. */
  guarded: boolean
  lookup: LookupFunction
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * The egress policy of a run: no check connects to loopback, RFC 1918, CGNAT, link-local,
 * unique-local, multicast, unspecified or reserved addresses (IPv4-mapped forms included)
 * unless an explicit exception says so. The exceptions: connect-to rules (the sandbox's routing
 * and the consultant's preflight rules), fixed endpoints (provider API base URLs), and the
 * engagement's private targets. Every socket the engine opens to a place learnt from the
 * network gets its destination from `route`, which judges addresses after DNS resolution.
 */
export class EgressPolicy {
  private readonly names = new Set<string>()
  private readonly blocks: { entry: string; list: BlockList }[] = []
  private readonly endpoints: Set<string>

  constructor(
    private readonly connectTo: ConnectToRule[],
    privateTargets: string[] = [],
    endpoints: string[] = [],
  ) {
    this.endpoints = new Set(endpoints.map((e) => e.toLowerCase()))
    for (const entry of privateTargets) {
      const [addr, prefix] = entry.split('/')
      const family = isIP(addr)
      if (!family) {
        this.names.add(entry.toLowerCase())
        continue
      }
      const list = new BlockList()
      const type = family === 4 ? 'ipv4' : 'ipv6'
      if (prefix) list.addSubnet(addr, Number(prefix), type)
      else list.addAddress(addr, type)
      this.blocks.push({ entry, list })
    }
  }

  /** Whether a connection asked for `host` may reach `address` (after DNS). */
  judge(host: string, address: string): Verdict {
    const bare = address.replace(/^\[|\]$/g, '')
    const range = privateRange(bare)
    if (!range) return { ok: true }
    const name = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '')
    const family = isIP(bare) === 6 ? 'ipv6' : 'ipv4'
    const allowedBy = this.names.has(name) ? name : this.blocks.find((b) => b.list.check(bare.replace(/%.*$/, ''), family))?.entry
    if (allowedBy) return { ok: true, allowed: { host: name, address: bare, range, allowedBy } }
    return { ok: false, error: new EgressError(name, bare, range) }
  }

  /**
   * Where a connection to host:port goes. A connect-to rule or a fixed endpoint is followed as
   * configured. Otherwise an IP literal is judged now (throws EgressError), and a name is judged
   * by the returned lookup on every address it resolves to, at connect time, so an answer that
   * changes between two connections (DNS rebinding) is judged as it is used.
   */
  route(host: string, port: number, lookup: LookupFunction, onAllowed?: (a: AllowedPrivate) => void): Route {
    const name = host.replace(/^\[|\]$/g, '')
    const to = applyConnectTo(this.connectTo, name, port)
    if (to.rule || this.endpoints.has(`${name.toLowerCase()}:${port}`)) return { host: to.host, port: to.port, ...(to.rule ? { rule: to.rule } : {}), guarded: false, lookup }
    if (isIP(name)) {
      const v = this.judge(name, name)
      if (!v.ok) throw v.error
      if (v.allowed) onAllowed?.(v.allowed)
      return { host: name, port, guarded: true, lookup }
    }
    return { host: name, port, guarded: true, lookup: this.guard(lookup, onAllowed) }
  }

  /** A lookup that drops refused addresses and fails with EgressError when none is left. */
  guard(inner: LookupFunction, onAllowed?: (a: AllowedPrivate) => void): LookupFunction {
    const guarded = (hostname: string, options: { all?: boolean; family?: number } | number, callback: LookupCallback) => {
      const opts = typeof options === 'object' && options ? options : {}
      inner(hostname, { ...opts, all: true }, ((err: NodeJS.ErrnoException | null, found: string | LookupAddress[], family?: number) => {
        if (err) return callback(err, opts.all ? [] : '')
        const list: LookupAddress[] = Array.isArray(found) ? found : [{ address: found, family: family ?? isIP(found) }]
        const kept: LookupAddress[] = []
        let refused: EgressError | undefined
        for (const a of list) {
          const v = this.judge(hostname, a.address)
          if (!v.ok) refused ??= v.error
          else {
            if (v.allowed && !kept.length) onAllowed?.(v.allowed)
            kept.push(a)
          }
        }
        if (!kept.length) return callback(refused ?? Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' }), opts.all ? [] : '')
        if (opts.all) callback(null, kept)
        else callback(null, kept[0].address, kept[0].family)
      }) as never)
    }
    return guarded as unknown as LookupFunction
  }
}
