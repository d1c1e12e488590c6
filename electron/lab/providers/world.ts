import { createHash, randomBytes } from 'node:crypto'
import type { ProvidersSpec } from './schema'
import type { World } from './types'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomString(n: number, alphabet = ALNUM): string {
  const bytes = randomBytes(n)
  let out = ''
  for (let i = 0; i < n; i++) out += alphabet[bytes[i] % alphabet.length]
  return out
}

/** Fresh sandbox tokens, shaped like each provider's real ones, random per lab start. */
export function makeCredentials(): Record<string, string> {
  return {
    cloudflare: randomString(40, `${ALNUM}_-`),
    vercel: randomString(24),
    netlify: `nfp_${randomString(36)}`,
    uptimerobot: `u${100000 + (randomBytes(3).readUIntBE(0, 3) % 900000)}-${randomBytes(12).toString('hex')}`,
    betterstack: randomString(24),
  }
}

/** A canary planted in every env var value the hosting APIs serve. */
export function makeCanary(): string {
  return `HANDOVER_CANARY_${randomBytes(8).toString('hex').toUpperCase()}`
}

/** A stable id (hex, `len` chars) derived from a label, so reloads keep ids. */
export function stableId(label: string, len = 32): string {
  return createHash('sha256').update(label).digest('hex').slice(0, len)
}

/** An ISO date `hours` before (negative: after) the lab's clock. */
export function hoursAgo(world: World, hours: number): string {
  return new Date(world.now - hours * 3_600_000).toISOString()
}

/** Assemble the world the handlers read. */
export function makeWorld(spec: ProvidersSpec, domains: string[], origin: string, credentials: Record<string, string>, canary: string, now = Date.now()): World {
  return { spec, domains: domains.map((d) => d.toLowerCase()), credentials, canaries: [canary], now, origin }
}

/** The bearer token of a request, if any. */
export function bearerToken(headers: Record<string, string | string[] | undefined>): string | undefined {
  const h = headers.authorization
  const v = Array.isArray(h) ? h[0] : h
  const m = v ? /^Bearer\s+(.+)$/i.exec(v.trim()) : null
  return m ? m[1] : undefined
}
