import { HttpError, type HttpChain, type HttpExchange } from '../../../net/http'
import type { CheckContext, CheckOutcome } from '../../types'
import { errorOutcome } from './outcome'

/** The canonical page: where https://<domain>/ (or https://www.<domain>/) finally lands. */
export interface Canonical {
  origin: string
  host: string
  page: HttpExchange
  chain: HttpChain
}

/** www.<domain>. */
export const wwwOf = (domain: string): string => `www.${domain}`

function describeBroken(c: HttpChain): string {
  if (c.error) return c.error.message
  if (c.loop) return `${c.start} redirects in a loop`
  return `${c.start} redirects more than ${c.hops.length - 1} times`
}

/**
 * Find the canonical page once per run (several checks share it). Tries the apex, then www.
 * Throws HttpError when neither lands on a page.
 */
export function canonicalPage(ctx: CheckContext): Promise<Canonical> {
  const http = ctx.services.http
  return http.memo(`canonical:${ctx.domain}`, async () => {
    const problems: string[] = []
    for (const host of [ctx.domain, wwwOf(ctx.domain)]) {
      const chain = await http.follow(`https://${host}/`, { signal: ctx.signal })
      if (chain.final) {
        const u = new URL(chain.final.url)
        return { origin: u.origin, host: u.hostname, page: chain.final, chain }
      }
      problems.push(describeBroken(chain))
    }
    throw new HttpError(ctx.signal.aborted ? 'aborted' : 'network', `no canonical page: ${problems.join('; ')}`, `https://${ctx.domain}/`)
  })
}

/** Same site: the domain itself or one of its subdomains. */
export function sameSite(url: string, domain: string): boolean {
  try {
    const h = new URL(url).hostname
    return h === domain || h.endsWith(`.${domain}`)
  } catch {
    return false
  }
}

/**
 * The canonical page, or the `error` outcome a check returns when it cannot be loaded (the
 * shared first step of the checks that judge the canonical page).
 */
export async function canonicalOrError(ctx: CheckContext): Promise<{ canon: Canonical } | { outcome: CheckOutcome }> {
  try {
    return { canon: await canonicalPage(ctx) }
  } catch (e) {
    return { outcome: errorOutcome(e, 'Could not load the canonical page') }
  }
}
