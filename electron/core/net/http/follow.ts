import { isHttpError, type HttpChain, type HttpExchange } from './types'

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** The Location of a redirect response, resolved against its URL; undefined when not a redirect. */
export function locationOf(x: HttpExchange): string | undefined {
  if (!REDIRECTS.has(x.status)) return undefined
  const raw = x.headers.location
  const loc = Array.isArray(raw) ? raw[0] : raw
  if (!loc) return undefined
  try {
    return new URL(loc, x.url).toString()
  } catch {
    return undefined
  }
}

/**
 * Follow redirects by hand with `send`, recording every hop. Stops at the first non-redirect,
 * at a URL seen before (loop), after `maxHops` redirects, or at a network error (kept in the chain).
 */
export async function followRedirects(send: (url: string) => Promise<HttpExchange>, start: string, maxHops: number): Promise<HttpChain> {
  const chain: HttpChain = { start, hops: [] }
  const seen = new Set<string>()
  let url = start
  for (let i = 0; i <= maxHops; i++) {
    seen.add(url)
    let x: HttpExchange
    try {
      x = await send(url)
    } catch (e) {
      if (isHttpError(e)) {
        chain.error = { kind: e.kind, message: e.message, url }
        return chain
      }
      throw e
    }
    chain.hops.push(x)
    const next = locationOf(x)
    if (!next) {
      chain.final = x
      return chain
    }
    if (seen.has(next)) {
      chain.loop = true
      return chain
    }
    url = next
  }
  chain.tooManyHops = true
  return chain
}
