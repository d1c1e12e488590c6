import aws4 from 'aws4'
import type { ApiReply, ProviderApi } from './types'
import { bearerToken, keyValid, stableId } from './world'

/**
 * Accounts whose keys the vault stores and verifies (GitHub, Stripe, AWS, Supabase): just the
 * "who am I" calls a verifier makes, so rotation runbooks can prove a new key works and an old
 * one is dead against the sandbox.
 */

export const githubApi: ProviderApi = {
  name: 'github',
  prefix: '/github',
  auth(req, world) {
    const h = String(req.headers.authorization ?? '')
    const token = bearerToken(req.headers) ?? /^token\s+(\S+)$/i.exec(h.trim())?.[1]
    return keyValid(world, 'github', token) ? undefined : { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } }
  },
  error: (status, message) => ({ status, body: { message: status === 429 ? 'API rate limit exceeded' : message, documentation_url: 'https://docs.github.com/rest', status: String(status) } }),
  routes: [
    {
      method: 'GET',
      pattern: '/user',
      handle: (_r, _p, w) => {
        const g = w.spec.github
        return { status: 200, headers: { 'x-oauth-scopes': 'read:user, repo', 'x-ratelimit-remaining': '4999' }, body: { login: g?.login ?? 'founder', id: Number.parseInt(stableId(`gh:${g?.login}`, 7), 16), type: 'User', name: g?.login ?? 'founder', email: g?.email ?? null } }
      },
    },
  ],
}

const stripeErr = (status: number, message: string, code?: string): ApiReply => ({ status, body: { error: { ...(code ? { code } : {}), message, type: status === 429 ? 'rate_limit_error' : 'invalid_request_error' } } })

export const stripeApi: ProviderApi = {
  name: 'stripe',
  prefix: '/stripe',
  auth(req, world) {
    const key = bearerToken(req.headers)
    if (!key) return stripeErr(401, 'You did not provide an API key.')
    if (world.keys.revoked.has(key)) return stripeErr(401, `Expired API Key provided: ${key.slice(0, 8)}*********${key.slice(-4)}`, 'api_key_expired')
    return keyValid(world, 'stripe', key) ? undefined : stripeErr(401, `Invalid API Key provided: ${key.slice(0, 8)}*********${key.slice(-4)}`)
  },
  error: (status, message) => stripeErr(status, status === 429 ? 'Too many requests hit the API too quickly.' : message, status === 429 ? 'rate_limit' : undefined),
  routes: [
    {
      method: 'GET',
      pattern: '/v1/account',
      handle: (_r, _p, w) => ({ status: 200, body: { id: `acct_${stableId(`stripe:${w.spec.stripe?.account}`, 16)}`, object: 'account', email: w.spec.stripe?.email ?? null, business_profile: { name: w.spec.stripe?.account ?? 'Launch Co' }, charges_enabled: true, livemode: false } }),
    },
  ],
}

const stsXml = (status: number, code: string, message: string): ApiReply => ({
  status,
  contentType: 'text/xml',
  text: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${stableId(code, 36)}</RequestId></ErrorResponse>`,
})

export const awsApi: ProviderApi = {
  name: 'aws',
  prefix: '/aws',
  /** SigV4: the access key id must be live and the signature must be the one its secret makes. */
  auth(req, world) {
    const h = String(req.headers.authorization ?? '')
    const m = /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/(\d{8})\/([a-z0-9-]+)\/sts\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(h)
    if (!m) return stsXml(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token')
    const live = [world.credentials.aws, ...(world.keys.extra.get('aws') ?? [])].find((k) => k?.startsWith(`${m[1]}:`) && keyValid(world, 'aws', k))
    if (!live) return stsXml(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.')
    const secret = live.split(':')[1]
    const headers: Record<string, string> = {}
    for (const name of m[4].split(';')) headers[name] = String(req.headers[name] ?? '')
    const host = headers.host
    const signed = aws4.sign({ host, method: req.method, path: '/', service: 'sts', region: m[3], body: req.body, headers: { ...headers } }, { accessKeyId: m[1], secretAccessKey: secret })
    const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers?.Authorization ?? ''))?.[1]
    return expected === m[5] ? undefined : stsXml(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.')
  },
  error: (status, message) => stsXml(status, status === 429 ? 'Throttling' : 'InternalFailure', status === 429 ? 'Rate exceeded' : message),
  routes: [
    {
      method: 'POST',
      pattern: '/',
      handle: (req, _p, w) => {
        if (req.form.get('Action') !== 'GetCallerIdentity') return stsXml(400, 'InvalidAction', `Could not find operation ${req.form.get('Action') ?? ''} for version 2011-06-15`)
        const a = w.spec.aws
        const arn = `arn:aws:iam::${a?.account ?? '123456789012'}:user/${a?.user ?? 'handover-audit'}`
        return { status: 200, contentType: 'text/xml', text: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AIDA${stableId(arn, 16).toUpperCase()}</UserId><Account>${a?.account ?? '123456789012'}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${stableId(`req:${arn}`, 36)}</RequestId></ResponseMetadata></GetCallerIdentityResponse>` }
      },
    },
  ],
}

export const supabaseApi: ProviderApi = {
  name: 'supabase',
  prefix: '/supabase',
  auth: (req, world) => (keyValid(world, 'supabase', bearerToken(req.headers)) ? undefined : { status: 401, body: { message: 'Unauthorized' } }),
  error: (status, message) => ({ status, body: { message: status === 429 ? 'Too many requests' : message } }),
  routes: [
    {
      method: 'GET',
      pattern: '/v1/projects',
      handle: (_r, _p, w) => ({ status: 200, body: (w.spec.supabase?.projects ?? []).map((name) => ({ id: stableId(`sb:${name}`, 20), ref: stableId(`sb:${name}`, 20), name, organization_id: stableId('sb-org', 20), region: 'eu-central-1', status: 'ACTIVE_HEALTHY', created_at: new Date(w.now - 90 * 86_400_000).toISOString() })) }),
    },
  ],
}
