import { intParam } from './paging'
import type { ApiReply, ProviderApi, World } from './types'
import { bearerToken, hoursAgo, keyValid, stableId } from './world'

type Obj = Record<string, unknown>

const bErr = (status: number, errors: string): ApiReply => ({ status, body: { errors } })
const numericId = (label: string) => String(1_000_000 + (Number.parseInt(stableId(label, 6), 16) % 8_999_999))

function monitorResources(w: World): Obj[] {
  return (w.spec.betterstack?.monitors ?? []).map((m) => ({
    id: numericId(`bs:${m.name}:${m.url}`),
    type: 'monitor',
    attributes: {
      url: m.url,
      pronounceable_name: m.name,
      monitor_type: m.type,
      monitor_group_id: null,
      last_checked_at: hoursAgo(w, 0.05),
      status: m.paused ? 'paused' : 'up',
      policy_id: m.policyId,
      expiration_policy_id: null,
      team_name: 'Launch Co',
      required_keyword: null,
      verify_ssl: true,
      check_frequency: 180,
      call: m.call,
      sms: m.sms,
      email: m.email,
      push: m.push,
      critical_alert: false,
      team_wait: null,
      http_method: 'get',
      request_timeout: 30,
      recovery_period: 180,
      request_headers: [],
      request_body: '',
      follow_redirects: true,
      remember_cookies: true,
      ssl_expiration: m.sslExpiration,
      domain_expiration: null,
      regions: ['us', 'eu', 'as', 'au'],
      expected_status_codes: [],
      port: null,
      confirmation_period: 0,
      paused_at: m.paused ? hoursAgo(w, 24) : null,
      paused: m.paused,
      created_at: hoursAgo(w, 24 * 20),
      updated_at: hoursAgo(w, 24),
    },
    relationships: { policy: { data: m.policyId ? { id: m.policyId, type: 'policy' } : null } },
  }))
}

/** Better Stack Uptime API v2 (JSON:API resources, Bearer token, `pagination` links). */
export const betterstackApi: ProviderApi = {
  name: 'betterstack',
  prefix: '/betterstack/api/v2',
  auth(req, world) {
    return keyValid(world, 'betterstack', bearerToken(req.headers)) ? undefined : bErr(401, 'Invalid Team API token. How to find your Team API token: https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api/')
  },
  error: (status, message) => bErr(status, message),
  routes: [
    {
      method: 'GET',
      pattern: '/monitors',
      handle: (req, _p, w) => {
        const all = monitorResources(w)
        const per = intParam(req.query.get('per_page'), 50, 1, 250)
        const page = intParam(req.query.get('page'), 1, 1, 100_000)
        const last = Math.max(1, Math.ceil(all.length / per))
        const link = (n: number) => `${req.base}/monitors?page=${n}&per_page=${per}`
        return {
          status: 200,
          body: { data: all.slice((page - 1) * per, page * per), pagination: { first: link(1), last: link(last), prev: page > 1 ? link(page - 1) : null, next: page < last ? link(page + 1) : null } },
        }
      },
    },
    {
      method: 'GET',
      pattern: '/monitors/:id',
      handle: (_req, p, w) => {
        const m = monitorResources(w).find((x) => x.id === p.id)
        return m ? { status: 200, body: { data: m } } : bErr(404, `Resource type monitor with id = ${p.id} was not found`)
      },
    },
  ],
}
