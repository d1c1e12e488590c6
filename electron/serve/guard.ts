import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export interface GuardOptions {
  /** The request must be authorised: a session cookie or the API token (see `authorized`). */
  needsAuth: boolean
  /** Whether the request carries a live session of this server. */
  hasSession(req: IncomingMessage): boolean
  /** The in-memory API token for programmatic clients (`Authorization: Bearer …`); never in a URL. */
  token: string
  /**
   * A top-level navigation may come from another site (the launch page is a local file): only
   * the launch route allows it, since its single-use code is the credential.
   */
  allowNavigationFromElsewhere?: boolean
}

/**
 * Browser mode's request guard. DNS-rebinding safe: the Host header must name the loopback
 * address and our port exactly; a present Origin must be our own origin; cross-site requests
 * are refused; an API call needs a session cookie (from a launch code) or the API token.
 * Returns a reason when the request must be refused (403).
 */
export function refuseReason(req: IncomingMessage, port: number, o: GuardOptions): string | null {
  const host = (req.headers.host ?? '').toLowerCase()
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!allowedHosts.includes(host)) return 'foreign Host header'
  const origin = req.headers.origin
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase())) return 'foreign Origin'
  const site = req.headers['sec-fetch-site']
  const navigation = req.method === 'GET' && req.headers['sec-fetch-mode'] === 'navigate'
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !(o.allowNavigationFromElsewhere && navigation)) return 'cross-site request'
  if (o.needsAuth && !o.hasSession(req) && !tokenMatches(req.headers.authorization, o.token)) return 'no session: open the launch address handover serve printed'
  return null
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '')
  if (!m) return false
  const a = Buffer.from(m[1])
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
