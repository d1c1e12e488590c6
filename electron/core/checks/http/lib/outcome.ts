import { isHttpError, type HttpChain, type HttpExchange, type Redirection } from '../../../net/http'
import type { CheckOutcome, CheckStatus } from '../../types'

/** A check outcome for an HTTP failure (timeout, refused, bad certificate); other throws pass through. */
export function errorOutcome(e: unknown, what: string): CheckOutcome {
  if (isHttpError(e)) return { status: 'error', summary: `${what}: ${e.message}`, details: { kind: e.kind, url: e.url } }
  throw e
}

/** Connections of these exchanges that the connect-to map sent elsewhere (preflight mode). */
export function redirectedIn(xs: (HttpExchange | HttpChain | undefined)[]): Redirection[] {
  const out = new Map<string, Redirection>()
  for (const x of xs) {
    if (!x) continue
    const list = 'hops' in x ? x.hops : [x]
    for (const h of list) if (h.redirected) out.set(h.redirected.from, h.redirected)
  }
  return [...out.values()]
}

/** Details plus, when any connection was redirected, which ones (`connectTo`). */
export function withPreflight(details: Record<string, unknown>, xs: (HttpExchange | HttpChain | undefined)[]): Record<string, unknown> {
  const r = redirectedIn(xs)
  return r.length ? { ...details, connectTo: r.map((x) => `${x.from} → ${x.to}`) } : details
}

const RANK: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, fail: 3, error: 4 }

/** The worse of two statuses (error > fail > warn > pass > skip). */
export function worst(a: CheckStatus, b: CheckStatus): CheckStatus {
  return RANK[b] > RANK[a] ? b : a
}

/** The value of a header as one string ('' when absent). */
export function hv(x: HttpExchange, name: string): string {
  const v = x.headers[name]
  return Array.isArray(v) ? v.join(', ') : (v ?? '')
}

/** Every value of a header as a list (repeated headers stay separate). */
export function hvs(x: HttpExchange, name: string): string[] {
  const v = x.headers[name]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}
