import { createHash, randomBytes } from 'node:crypto'
import type { ProvidersSpec } from './schema'
import type { LabKeys, World } from './types'

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
    'registrar-porkbun': `pk1_${randomBytes(32).toString('hex')}:sk1_${randomBytes(32).toString('hex')}`,
    // ApiUser:ApiKey:ClientIp; the user is the scenario's (set when the lab starts), the IP loopback's.
    'registrar-namecheap': `labuser:${randomBytes(16).toString('hex')}:127.0.0.1`,
    'registrar-godaddy': `${randomString(34)}:${randomString(22)}`,
    'registrar-gandi': randomString(40),
    github: `ghp_${randomString(36)}`,
    stripe: `sk_test_${randomString(32)}`,
    aws: `AKIA${randomString(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}:${randomString(40)}`,
    supabase: `sbp_${randomBytes(20).toString('hex')}`,
  }
}

/** The scenario section a credential name belongs to ('registrar-porkbun' → 'porkbun'). */
export function specKey(credential: string): string {
  return credential.replace(/^registrar-/, '')
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
export function makeWorld(spec: ProvidersSpec, domains: string[], origin: string, credentials: Record<string, string>, canary: string, now = Date.now(), keys: LabKeys = { extra: new Map(), revoked: new Set() }): World {
  return { spec, domains: domains.map((d) => d.toLowerCase()), credentials, keys, canaries: [canary], now, origin }
}

/** Whether `key` is a live key for the credential `name`: the one made at start or one issued since, never a revoked one. */
export function keyValid(world: World, name: string, key: string | undefined): boolean {
  if (!key || world.keys.revoked.has(key)) return false
  return key === world.credentials[name] || !!world.keys.extra.get(name)?.has(key)
}

/** A fresh key shaped like the provider's (for rotation in the sandbox). */
export function freshKey(name: string, current: string): string {
  const n = name.replace(/^registrar-/, '')
  if (n === 'porkbun') return `pk1_${randomBytes(32).toString('hex')}:sk1_${randomBytes(32).toString('hex')}`
  if (n === 'namecheap') return current.replace(/:[0-9a-f]{32}:/, `:${randomBytes(16).toString('hex')}:`)
  if (n === 'godaddy') return `${randomString(34)}:${randomString(22)}`
  if (n === 'aws') return `AKIA${randomString(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}:${randomString(40)}`
  const prefix = /^([a-z]+_(?:live_|test_)?|nfp_|ghp_|sbp_)/.exec(current)?.[1] ?? ''
  return `${prefix}${randomString(Math.max(24, current.length - prefix.length))}`
}

/** The bearer token of a request, if any. */
export function bearerToken(headers: Record<string, string | string[] | undefined>): string | undefined {
  const h = headers.authorization
  const v = Array.isArray(h) ? h[0] : h
  const m = v ? /^Bearer\s+(.+)$/i.exec(v.trim()) : null
  return m ? m[1] : undefined
}
