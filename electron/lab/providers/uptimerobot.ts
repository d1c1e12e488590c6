import { intParam } from './paging'
import type { ApiReply, ApiRequest, ProviderApi, World } from './types'
import { keyValid, stableId } from './world'

type Obj = Record<string, unknown>

const TYPES: Record<string, number> = { http: 1, keyword: 2, ping: 3, port: 4 }
const CONTACT_TYPES: Record<string, number> = { sms: 1, email: 2, webhook: 5, slack: 11 }

/** UptimeRobot answers HTTP 200 with `stat: fail` for bad input, including a bad key. */
const fail = (type: string, message: string, extra: Obj = {}, status = 200): ApiReply => ({ status, body: { stat: 'fail', error: { type, message, ...extra } } })

const numericId = (label: string) => 700_000_000 + (Number.parseInt(stableId(label, 7), 16) % 99_999_999)

function monitorObjects(req: ApiRequest, w: World): Obj[] {
  const spec = w.spec.uptimerobot
  const withContacts = req.form.get('alert_contacts') === '1'
  const withSsl = req.form.get('ssl') === '1'
  return (spec?.monitors ?? []).map((m) => {
    const o: Obj = {
      id: numericId(`ur:${m.name}:${m.url}`),
      friendly_name: m.name,
      url: m.url,
      type: TYPES[m.type],
      sub_type: '',
      keyword_type: m.type === 'keyword' ? 2 : null,
      keyword_case_type: 0,
      keyword_value: m.type === 'keyword' ? 'ok' : '',
      http_username: '',
      http_password: '',
      port: '',
      interval: m.interval,
      timeout: 30,
      status: m.paused ? 0 : 2,
      create_datetime: Math.floor((w.now - 40 * 86_400_000) / 1000),
      ssl_expiration_reminder: m.sslExpiryReminder ? 1 : 0,
    }
    if (withSsl && m.url.startsWith('https://')) o.ssl = { brand: 'Lab CA', product: null, expires: Math.floor((w.now + 60 * 86_400_000) / 1000), ignore_errors: 0, disable_notifications: m.sslExpiryReminder ? 0 : 1 }
    if (withContacts) {
      const contacts = spec?.alertContacts ?? []
      o.alert_contacts = m.alertContacts
        .map((id) => contacts.find((c) => c.id === id))
        .filter((c): c is NonNullable<typeof c> => !!c)
        .map((c) => ({ id: c.id, value: c.value, type: CONTACT_TYPES[c.type], threshold: 0, recurrence: 0 }))
    }
    return o
  })
}

/** UptimeRobot API v2 (POST, form-encoded `api_key`, `stat: ok|fail` envelope). */
export const uptimerobotApi: ProviderApi = {
  name: 'uptimerobot',
  prefix: '/uptimerobot/v2',
  auth(req, world) {
    const key = req.form.get('api_key')
    if (!key) return fail('missing_parameter', 'api_key parameter is missing.', { parameter_name: 'api_key' })
    if (!keyValid(world, 'uptimerobot', key ?? undefined)) return fail('invalid_parameter', 'api_key not found.', { parameter_name: 'api_key' })
    return undefined
  },
  error(status, message) {
    if (status === 429) return fail('rate_limit', 'Too Many Requests: rate limit exceeded.', {}, 429)
    if (status === 401 || status === 403) return fail('invalid_parameter', 'api_key not found.', { parameter_name: 'api_key' }, status)
    return fail(status === 404 ? 'not_found' : 'internal', message, {}, status)
  },
  routes: [
    {
      method: 'POST',
      pattern: '/getAccountDetails',
      handle: (_req, _p, w) => {
        const ms = w.spec.uptimerobot?.monitors ?? []
        return { status: 200, body: { stat: 'ok', account: { email: w.spec.uptimerobot?.email ?? 'founder@example.com', monitor_limit: 50, monitor_interval: 5, up_monitors: ms.filter((m) => !m.paused).length, down_monitors: 0, paused_monitors: ms.filter((m) => m.paused).length } } }
      },
    },
    {
      method: 'POST',
      pattern: '/getMonitors',
      handle: (req, _p, w) => {
        const all = monitorObjects(req, w)
        const offset = intParam(req.form.get('offset'), 0, 0, 1_000_000)
        const limit = intParam(req.form.get('limit'), 50, 1, 50)
        return { status: 200, body: { stat: 'ok', pagination: { offset, limit, total: all.length }, monitors: all.slice(offset, offset + limit) } }
      },
    },
    {
      method: 'POST',
      pattern: '/getAlertContacts',
      handle: (_req, _p, w) => {
        const contacts = (w.spec.uptimerobot?.alertContacts ?? []).map((c) => ({ id: c.id, friendly_name: c.name, type: CONTACT_TYPES[c.type], status: 2, value: c.value }))
        return { status: 200, body: { stat: 'ok', offset: 0, limit: 50, total: contacts.length, alert_contacts: contacts } }
      },
    },
  ],
}
