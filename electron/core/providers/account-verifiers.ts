import aws4 from 'aws4'
import { registerVerifier, type VerifyResult } from '../vault/verifiers'
import type { NetworkProfile } from '../net/profile'
import { CloudflareClient } from './cloudflare/client'
import { ProviderError } from './errors'
import { createDispatcher, profileFetch, type FetchFn } from './fetch'
import { requestJson, requestText } from './request'
import { createRegistrarClient, REGISTRAR_CREDENTIAL, type RegistrarId } from './registrar'
import { secretParts } from './registrar/secrets'

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})

export const GITHUB_API = 'https://api.github.com'
export const STRIPE_API = 'https://api.stripe.com'
export const AWS_STS = 'https://sts.amazonaws.com'
export const SUPABASE_API = 'https://api.supabase.com'

/** Run `fn` with a fetch built from the profile, closing its connections afterwards. */
export async function withFetch<T>(profile: NetworkProfile, fn: (fetch: FetchFn, timeoutMs: number) => Promise<T>): Promise<T> {
  const agent = createDispatcher(profile)
  try {
    return await fn(profileFetch(agent), profile.timeouts.requestMs)
  } finally {
    await agent.close()
  }
}

const base = (url: string | undefined, dflt: string) => (url ?? dflt).replace(/\/$/, '')
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })

/** A registrar credential: its API's own "who am I" (Porkbun ping, Namecheap balances, GoDaddy list, Gandi user-info). */
function registrarVerifier(registrar: RegistrarId) {
  return (secret: string, profile: NetworkProfile): Promise<VerifyResult> =>
    withFetch(profile, (fetch, timeoutMs) => {
      const p = profile.providers
      const client = createRegistrarClient(registrar, secret, {
        fetch,
        timeoutMs,
        urls: { porkbun: p.porkbun, namecheap: p.namecheap, godaddy: p.godaddy, gandi: p.gandi },
        cloudflare: (token) => new CloudflareClient({ token, fetch, baseURL: p.cloudflare, timeoutMs }),
      })
      return client.whoami()
    })
}

/** GitHub: GET /user (a revoked token answers 401 "Bad credentials"); scopes from X-OAuth-Scopes. */
export function verifyGithub(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const res = await requestJson({ provider: 'github', fetch, timeoutMs, url: `${base(profile.providers.github, GITHUB_API)}/user`, headers: { ...bearer(secret), 'x-github-api-version': '2022-11-28' } })
    const u = obj(res.body)
    const scopes = (res.headers.get('x-oauth-scopes') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    return { identity: `GitHub user ${String(u.login ?? '?')}`, scopes }
  })
}

/** Stripe: GET /v1/account (a rolled key answers 401 api_key_expired). */
export function verifyStripe(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const res = await requestJson({ provider: 'stripe', fetch, timeoutMs, url: `${base(profile.providers.stripe, STRIPE_API)}/v1/account`, headers: bearer(secret), explain: (_s, t) => String(obj(obj(safeJson(t)).error).code ?? '') || undefined })
    const a = obj(res.body)
    return { identity: `Stripe account ${String(obj(a.business_profile).name ?? a.id ?? '?')}`, scopes: [/^rk_/.test(secret) ? 'restricted' : 'secret'] }
  })
}

function safeJson(t: string): unknown {
  try {
    return JSON.parse(t)
  } catch {
    return undefined
  }
}

/** AWS: STS GetCallerIdentity, signed with Signature Version 4 (the `aws4` library); secret `ACCESS_KEY_ID:SECRET_ACCESS_KEY`. */
export function verifyAws(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const [accessKeyId, secretAccessKey] = secretParts('aws', secret, 2, [1])
    const url = new URL(`${base(profile.providers.aws, AWS_STS)}/`)
    const body = 'Action=GetCallerIdentity&Version=2011-06-15'
    const signed = aws4.sign({ host: url.host, path: url.pathname, method: 'POST', service: 'sts', region: 'us-east-1', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, { accessKeyId, secretAccessKey })
    const headers = Object.fromEntries(Object.entries(signed.headers ?? {}).filter(([k]) => !/^(host|content-length)$/i.test(k)).map(([k, v]) => [k.toLowerCase(), String(v)]))
    const res = await requestText({ provider: 'aws', fetch, timeoutMs, url: url.toString(), method: 'POST', form: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers, explain: (_s, t) => /<Code>([^<]+)<\/Code>/.exec(t)?.[1] })
    const arn = /<Arn>([^<]+)<\/Arn>/.exec(res.body)?.[1]
    if (!arn) throw new ProviderError('aws', 'invalid_response', 'AWS STS answered without a caller identity')
    return { identity: arn, scopes: [] }
  })
}

/** Supabase: the Management API's GET /v1/projects with a personal access token. */
export function verifySupabase(secret: string, profile: NetworkProfile): Promise<VerifyResult> {
  return withFetch(profile, async (fetch, timeoutMs) => {
    const res = await requestJson({ provider: 'supabase', fetch, timeoutMs, url: `${base(profile.providers.supabase, SUPABASE_API)}/v1/projects`, headers: bearer(secret) })
    const names = Array.isArray(res.body) ? res.body.map((p) => String(obj(p).name ?? '')).filter(Boolean) : []
    return { identity: `Supabase access token (${names.length} project${names.length === 1 ? '' : 's'}${names.length ? `: ${names.slice(0, 3).join(', ')}` : ''})`, scopes: [] }
  })
}

for (const r of ['porkbun', 'namecheap', 'godaddy', 'gandi'] as RegistrarId[]) registerVerifier(REGISTRAR_CREDENTIAL[r], registrarVerifier(r))
registerVerifier('github', verifyGithub)
registerVerifier('stripe', verifyStripe)
registerVerifier('aws', verifyAws)
registerVerifier('supabase', verifySupabase)
