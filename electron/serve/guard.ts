import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Browser mode's request guard. DNS-rebinding safe: the Host header must name the loopback
 * address and our port exactly; a present Origin must be our own origin; every API call must
 * carry the per-launch token. Returns a reason when the request must be refused (403).
 */
export function refuseReason(req: IncomingMessage, port: number, token: string, needsToken: boolean): string | null {
  const host = (req.headers.host ?? '').toLowerCase()
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!allowedHosts.includes(host)) return 'foreign Host header'
  const origin = req.headers.origin
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase())) return 'foreign Origin'
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site request'
  if (needsToken && !tokenMatches(req.headers.authorization, token)) return 'missing or wrong token'
  return null
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '')
  if (!m) return false
  const a = Buffer.from(m[1])
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
