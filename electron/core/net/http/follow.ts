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
        // A redirect into a private address is the site's doing: say so, and that it was not followed.
        const message = e.kind === 'blocked' && i > 0 ? `the site redirects to a private address (${url} → ${e.reason}); not followed` : e.message
        chain.error = { kind: e.kind, message, url }
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
