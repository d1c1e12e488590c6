import { intParam } from '../paging'
import type { ApiReply, ApiRequest, ProviderApi, Route, World } from '../types'
import { bearerToken, hoursAgo, keyValid, stableId } from '../world'
import { accountOf, memberObjects, membershipObjects, recordObjects, registrationObjects, rulesetObjects, settingObjects, zoneObject, zonesOf } from './data'

type Obj = Record<string, unknown>

/** The v4 envelope for a single result. */
function ok(result: unknown, messages: Obj[] = []): ApiReply {
  return { status: 200, body: { success: true, errors: [], messages, result } }
}

/** The v4 envelope for a page of a list, honouring page / per_page like the real API. */
function paged(req: ApiRequest, items: unknown[], defaultPerPage: number, maxPerPage: number): ApiReply {
  const per = intParam(req.query.get('per_page'), defaultPerPage, 5, maxPerPage)
  const page = intParam(req.query.get('page'), 1, 1, 100_000)
  const slice = items.slice((page - 1) * per, page * per)
  const result_info = { page, per_page: per, count: slice.length, total_count: items.length, total_pages: Math.max(1, Math.ceil(items.length / per)) }
  return { status: 200, body: { success: true, errors: [], messages: [], result: slice, result_info } }
}

/** The v4 failure envelope. */
export function cfError(status: number, code: number, message: string): ApiReply {
  return { status, body: { success: false, errors: [{ code, message }], messages: [], result: null } }
}

function zoneById(world: World, id: string) {
  return zonesOf(world).find((z) => stableId(`zone:${z.name}`) === id)
}

const noZone = () => cfError(404, 1001, 'Invalid zone identifier')

/** Wrap a zone-scoped handler: unknown zone ids answer like the real API. */
function inZone(fn: (req: ApiRequest, zone: NonNullable<ReturnType<typeof zoneById>>, world: World, params: Record<string, string>) => ApiReply) {
  return (req: ApiRequest, params: Record<string, string>, world: World): ApiReply => {
    const zone = zoneById(world, params.zone)
    return zone ? fn(req, zone, world, params) : noZone()
  }
}

const routes: Route[] = [
  {
    method: 'GET',
    pattern: '/user/tokens/verify',
    handle: (_req, _p, world) => {
      const t = world.spec.cloudflare?.token
      const result: Obj = { id: stableId(`token:${world.credentials.cloudflare}`), status: t?.status ?? 'active' }
      if (t?.expiresOn) result.expires_on = t.expiresOn
      return ok(result, [{ code: 10000, message: 'This API Token is valid and active', type: null }])
    },
  },
  {
    method: 'GET',
    pattern: '/user/tokens/:id',
    handle: (_req, params, world) => {
      const t = world.spec.cloudflare?.token
      const id = stableId(`token:${world.credentials.cloudflare}`)
      // Only a token granted "API Tokens Read" may read itself; the scenario says so by listing policies.
      if (params.id !== id || !t?.policies) return cfError(403, 9109, 'Unauthorized to access requested resource')
      const policies = t.policies.map((p, i) => ({
        id: stableId(`policy:${id}:${i}`),
        effect: p.effect,
        resources: p.resources,
        permission_groups: p.permissionGroups.map((name) => ({ id: stableId(`pg:${name}`), name })),
      }))
      return ok({ id, name: 'Handover audit (lab)', status: t.status, issued_on: hoursAgo(world, 48), modified_on: hoursAgo(world, 48), policies, condition: {} })
    },
  },
  {
    method: 'GET',
    pattern: '/zones',
    handle: (req, _p, world) => {
      const name = req.query.get('name')?.toLowerCase()
      const status = req.query.get('status')
      const zones = zonesOf(world)
        .filter((z) => (!name || z.name === name) && (!status || z.spec.status === status))
        .map((z) => zoneObject(world, z))
      return paged(req, zones, 20, 50)
    },
  },
  { method: 'GET', pattern: '/zones/:zone', handle: inZone((_r, z, w) => ok(zoneObject(w, z))) },
  {
    method: 'GET',
    pattern: '/zones/:zone/dns_records',
    handle: inZone((req, z, w) => {
      const type = req.query.get('type')
      const name = req.query.get('name')?.toLowerCase()
      const records = recordObjects(w, z).filter((r) => (!type || r.type === type) && (!name || r.name === name))
      return paged(req, records, 100, 5000)
    }),
  },
  {
    method: 'GET',
    pattern: '/zones/:zone/dns_records/:record',
    handle: inZone((_r, z, w, p) => {
      const rec = recordObjects(w, z).find((r) => r.id === p.record)
      return rec ? ok(rec) : cfError(404, 81044, 'Record does not exist.')
    }),
  },
  { method: 'GET', pattern: '/zones/:zone/settings', handle: inZone((_r, z, w) => ok(settingObjects(w, z))) },
  {
    method: 'GET',
    pattern: '/zones/:zone/settings/:setting',
    handle: inZone((_r, z, w, p) => {
      const s = settingObjects(w, z).find((x) => x.id === p.setting)
      return s ? ok(s) : cfError(404, 1003, `Undefined zone setting ${p.setting}`)
    }),
  },
  { method: 'GET', pattern: '/zones/:zone/rulesets', handle: inZone((_r, z, w) => ok(rulesetObjects(w, z, false))) },
  {
    method: 'GET',
    pattern: '/zones/:zone/rulesets/phases/:phase/entrypoint',
    handle: inZone((_r, z, w, p) => {
      const rs = rulesetObjects(w, z, true).find((r) => r.phase === p.phase && r.kind === 'zone')
      return rs ? ok(rs) : cfError(404, 10003, `could not find entrypoint ruleset in the '${p.phase}' phase`)
    }),
  },
  {
    method: 'GET',
    pattern: '/zones/:zone/rulesets/:ruleset',
    handle: inZone((_r, z, w, p) => {
      const rs = rulesetObjects(w, z, true).find((r) => r.id === p.ruleset)
      return rs ? ok(rs) : cfError(404, 10007, `could not find ruleset ${p.ruleset}`)
    }),
  },
  {
    method: 'GET',
    pattern: '/accounts/:account/members',
    handle: (req, p, world) => {
      if (p.account !== accountOf(world).id) return cfError(403, 9109, 'Unauthorized to access requested resource')
      return paged(req, memberObjects(world), 20, 50)
    },
  },
  {
    method: 'GET',
    pattern: '/accounts/:account/members/:member',
    handle: (_req, p, world) => {
      if (p.account !== accountOf(world).id) return cfError(403, 9109, 'Unauthorized to access requested resource')
      const m = memberObjects(world).find((x) => x.id === p.member)
      return m ? ok(m) : cfError(404, 1003, 'Member not found')
    },
  },
  { method: 'GET', pattern: '/memberships', handle: (req, _p, world) => paged(req, membershipObjects(world), 20, 50) },
  {
    method: 'GET',
    pattern: '/user',
    handle: (_req, _p, world) => {
      const u = world.spec.cloudflare?.user
      // Reading the user needs "User Details Read"; a scenario without `user` has a token without it.
      if (!u) return cfError(403, 9109, 'Unauthorized to access requested resource')
      return ok({ id: stableId(`user:${u.email}`), email: u.email, first_name: null, last_name: null, username: stableId(`username:${u.email}`, 16), telephone: null, country: null, zipcode: null, two_factor_authentication_enabled: u.twoFactor, two_factor_authentication_locked: false, created_on: hoursAgo(world, 24 * 400), modified_on: hoursAgo(world, 24), organizations: [], has_pro_zones: false, has_business_zones: false, has_enterprise_zones: false, suspended: false, betas: [] })
    },
  },
  {
    method: 'GET',
    pattern: '/accounts/:account/registrar/registrations',
    handle: (req, p, world) => {
      if (p.account !== accountOf(world).id) return cfError(403, 9109, 'Unauthorized to access requested resource')
      // Cursor paging: `cursor` is the index to start at; an empty cursor says there is no more.
      const all = registrationObjects(world)
      const per = intParam(req.query.get('per_page'), 20, 1, 50)
      const start = intParam(req.query.get('cursor'), 0, 0, 100_000)
      const page = all.slice(start, start + per)
      const next = start + per < all.length ? String(start + per) : ''
      return { status: 200, body: { success: true, errors: [], messages: [], result: page, result_info: { count: page.length, per_page: per, cursor: next } } }
    },
  },
  {
    method: 'GET',
    pattern: '/accounts/:account/registrar/registrations/:domain',
    handle: (_req, p, world) => {
      if (p.account !== accountOf(world).id) return cfError(403, 9109, 'Unauthorized to access requested resource')
      const r = registrationObjects(world).find((x) => x.domain_name === p.domain.toLowerCase())
      return r ? ok(r) : cfError(404, 10000, `Registration for ${p.domain} not found`)
    },
  },
]

/** Cloudflare API v4 (read-only subset the checks use). */
export const cloudflareApi: ProviderApi = {
  name: 'cloudflare',
  prefix: '/cloudflare/client/v4',
  auth(req, world) {
    const token = bearerToken(req.headers)
    if (!token) return cfError(400, 9106, 'Missing X-Auth-Key, X-Auth-Email or Authorization headers')
    if (!keyValid(world, 'cloudflare', token)) return req.path === '/user/tokens/verify' ? cfError(401, 1000, 'Invalid API Token') : cfError(403, 10000, 'Authentication error')
    const status = world.spec.cloudflare?.token.status
    if (status && status !== 'active' && req.path !== '/user/tokens/verify') return cfError(403, 10000, 'Authentication error')
    return undefined
  },
  error(status, message) {
    if (status === 401 || status === 403) return cfError(status, 10000, message)
    if (status === 429) return cfError(429, 1015, 'You are being rate limited')
    if (status === 404) return cfError(404, 7003, 'Could not route to the requested resource, perhaps your object identifier is invalid?')
    return cfError(status, status >= 500 ? 10001 : 1000, message)
  },
  routes,
}
