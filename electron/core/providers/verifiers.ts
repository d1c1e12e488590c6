import { registerVerifier, type VerifyResult } from '../vault/verifiers'
import type { NetworkProfile } from '../net/profile'
import { CloudflareClient } from './cloudflare/client'
import { ProviderError } from './errors'
import { VERCEL_API } from './hosting/vercel'
import { NETLIFY_API } from './hosting/netlify'
import { UPTIMEROBOT_API } from './monitoring/uptimerobot'
import { BETTERSTACK_API } from './monitoring/betterstack'
import { requestJson } from './request'
import { grantsToScopes } from './cloudflare/permissions'
import { withFetch } from './account-verifiers'

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})

/** Cloudflare: GET /user/tokens/verify, then the token's grants from GET /memberships. */
export function verifyCloudflare(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const cf = new CloudflareClient({ token: secret, fetch, baseURL: profile.providers.cloudflare, timeoutMs })
    const t = await cf.verifyToken()
    if (t.status !== 'active') throw new ProviderError('cloudflare', 'auth', `the Cloudflare token is ${t.status}, not active`)
    const memberships = await cf.memberships().catch(() => [])
    const accounts = memberships.map((m) => m.accountName || m.accountId).filter(Boolean)
    return { identity: `API token ${t.id}${accounts.length ? ` (${accounts.join(', ')})` : ''}`, scopes: memberships.flatMap((m) => grantsToScopes(m.permissions)), ...(t.expiresOn ? { expiresAt: t.expiresOn } : {}) }
  })
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })

/** Vercel: GET /v2/user. */
export function verifyVercel(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const res = await requestJson({ provider: 'vercel', fetch, timeoutMs, url: `${(profile.providers.vercel ?? VERCEL_API).replace(/\/$/, '')}/v2/user`, headers: bearer(secret) })
    const u = obj(obj(res.body).user)
    return { identity: String(u.email ?? u.username ?? 'Vercel user'), scopes: [] }
  })
}

/** Netlify: GET /api/v1/user. */
export function verifyNetlify(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const res = await requestJson({ provider: 'netlify', fetch, timeoutMs, url: `${(profile.providers.netlify ?? NETLIFY_API).replace(/\/$/, '')}/user`, headers: bearer(secret) })
    const u = obj(res.body)
    return { identity: String(u.email ?? u.full_name ?? 'Netlify user'), scopes: [] }
  })
}

/** UptimeRobot: POST /v2/getAccountDetails. */
export function verifyUptimeRobot(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const base = (profile.providers.uptimerobot ?? UPTIMEROBOT_API).replace(/\/$/, '')
    const url = /\/v2$/.test(base) ? `${base}/getAccountDetails` : `${base}/v2/getAccountDetails`
    const res = await requestJson({ provider: 'uptimerobot', fetch, timeoutMs, url, method: 'POST', form: { api_key: secret, format: 'json' } })
    const body = obj(res.body)
    if (body.stat !== 'ok') throw new ProviderError('uptimerobot', 'auth', 'UptimeRobot rejected the API key')

    return { identity: String(obj(body.account).email ?? 'UptimeRobot account'), scopes: [] }
  })
}

/** Better Stack: GET /api/v2/monitors (the API has no whoami; a 200 proves the token). */
export function verifyBetterStack(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const base = (profile.providers.betterstack ?? BETTERSTACK_API).replace(/\/$/, '')
    const url = /\/api\/v2$/.test(base) ? `${base}/monitors` : `${base}/api/v2/monitors`
    await requestJson({ provider: 'betterstack', fetch, timeoutMs, url, headers: bearer(secret) })
    return { identity: 'Better Stack Uptime API token', scopes: ['monitors:read'] }
  })
}

registerVerifier('cloudflare', verifyCloudflare)
registerVerifier('vercel', verifyVercel)
registerVerifier('netlify', verifyNetlify)
registerVerifier('uptimerobot', verifyUptimeRobot)
registerVerifier('betterstack', verifyBetterStack)
