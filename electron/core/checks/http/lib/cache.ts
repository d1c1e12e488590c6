import type { HttpExchange } from '../../../net/http'
import { hv } from './outcome'

/** Cache-Control (or CDN-Cache-Control, Surrogate-Control) directives, names lowercased. */
export function directives(value: string): Map<string, string> {
  const m = new Map<string, string>()
  for (const part of value.split(',')) {
    const [k, ...v] = part.trim().split('=')
    if (k) m.set(k.toLowerCase(), v.join('=').replace(/^"|"$/g, ''))
  }
  return m
}

const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined)

/** Thirty days: the least we call "long-cached" for a static asset. */
export const LONG_CACHE_S = 30 * 86_400

/** Long-cached: immutable, or max-age ≥ 30 days. */
export function longCached(x: HttpExchange): boolean {
  const d = directives(hv(x, 'cache-control'))
  if (d.has('no-store') || d.has('no-cache') || d.has('private')) return false
  return d.has('immutable') || (num(d.get('max-age')) ?? 0) >= LONG_CACHE_S || (num(d.get('s-maxage')) ?? 0) >= LONG_CACHE_S
}

/** The edge (CDN) says it served this from cache. */
export function edgeHit(x: HttpExchange): boolean {
  const marks = ['cf-cache-status', 'x-cache', 'x-vercel-cache', 'x-nf-cache-status', 'cdn-cache', 'x-cache-status'].map((h) => hv(x, h)).join(' ')
  return /\bHIT\b/i.test(marks) || (num(hv(x, 'age')) ?? 0) > 0
}

/**
 * Whether a shared cache (CDN, proxy) may store this response: not private/no-store, and an
 * explicit freshness (public, s-maxage, max-age > 0) or a CDN-only directive allows it.
 */
export function sharedCacheable(x: HttpExchange): boolean {
  const cdn = directives(hv(x, 'cdn-cache-control') || hv(x, 'surrogate-control'))
  if ((num(cdn.get('max-age')) ?? 0) > 0 && !cdn.has('no-store') && !cdn.has('private')) return true
  const d = directives(hv(x, 'cache-control'))
  if (d.has('private') || d.has('no-store') || d.has('no-cache')) return false
  return d.has('public') || (num(d.get('s-maxage')) ?? 0) > 0 || (num(d.get('max-age')) ?? 0) > 0
}

/** The response is personal: it sets a cookie or varies by cookie/authorization. */
export function personal(x: HttpExchange): string | undefined {
  if (hv(x, 'set-cookie')) return 'sets a cookie'
  const vary = hv(x, 'vary').toLowerCase()
  if (/\b(cookie|authorization)\b/.test(vary)) return `varies by ${vary}`
  return undefined
}
