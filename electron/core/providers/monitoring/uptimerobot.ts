import { ProviderError } from '../errors'
import type { FetchFn } from '../fetch'
import { requestJson } from '../request'
import type { Monitor, MonitoringClient, MonitoringSnapshot } from './types'

export const UPTIMEROBOT_API = 'https://api.uptimerobot.com'
const PAGE = 50
const MAX_PAGES = 10

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})

const CONTACT_TYPES: Record<string, string> = { '1': 'sms', '2': 'email', '3': 'twitter', '5': 'webhook', '6': 'pushbullet', '9': 'pushover', '11': 'slack', '14': 'voice', '18': 'teams', '20': 'discord' }

export interface UptimeRobotOptions {
  apiKey: string
  fetch: FetchFn
  baseURL?: string
  timeoutMs: number
  signal?: AbortSignal
}

/** UptimeRobot v2 (POST, form-encoded api_key, `stat: ok|fail` envelope). */
export class UptimeRobotClient implements MonitoringClient {
  constructor(private readonly o: UptimeRobotOptions) {}

  private async post(method: string, form: Record<string, string>): Promise<Obj> {
    const base = (this.o.baseURL ?? UPTIMEROBOT_API).replace(/\/$/, '')
    const url = /\/v2$/.test(base) ? `${base}/${method}` : `${base}/v2/${method}`
    const res = await requestJson({ provider: 'uptimerobot', fetch: this.o.fetch, url, method: 'POST', form: { api_key: this.o.apiKey, format: 'json', ...form }, signal: this.o.signal, timeoutMs: this.o.timeoutMs })
    const body = obj(res.body)
    if (body.stat === 'ok') return body
    const err = obj(body.error)
    const msg = String(err.message ?? err.type ?? 'unknown error')
    if (/api_key|apikey|unauthori[sz]ed/i.test(msg + String(err.parameter_name ?? ''))) throw new ProviderError('uptimerobot', 'auth', `UptimeRobot rejected the API key: ${msg}`)
    if (/rate|too many/i.test(msg)) throw new ProviderError('uptimerobot', 'rate_limited', `UptimeRobot rate-limited the request: ${msg}`)
    throw new ProviderError('uptimerobot', 'invalid_response', `UptimeRobot answered stat "${String(body.stat)}": ${msg}`)
  }

  /** All monitors (paged by offset) and alert contacts. */
  async snapshot(): Promise<MonitoringSnapshot> {
    const monitors: Monitor[] = []
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await this.post('getMonitors', { alert_contacts: '1', ssl: '1', offset: String(page * PAGE), limit: String(PAGE) })
      if (!Array.isArray(body.monitors)) throw new ProviderError('uptimerobot', 'invalid_response', 'UptimeRobot answered without a monitors list')
      monitors.push(...body.monitors.map(toUptimeRobotMonitor))
      const total = Number(obj(body.pagination).total)
      if (body.monitors.length < PAGE || !(monitors.length < total)) break
    }
    const contactsBody = await this.post('getAlertContacts', {})
    const list = Array.isArray(contactsBody.alert_contacts) ? contactsBody.alert_contacts.map(obj) : []
    const contacts = list
      .filter((c) => String(c.status ?? '2') !== '0')
      .map((c) => ({ id: String(c.id ?? ''), name: String(c.friendly_name ?? ''), type: CONTACT_TYPES[String(c.type)] ?? String(c.type ?? '') }))
    const account = await this.post('getAccountDetails', {})
      .then((b) => obj(b.account).email)
      .catch(() => undefined)
    return { provider: 'uptimerobot', monitors, contacts, ...(typeof account === 'string' && account ? { account } : {}) }
  }
}

/** An UptimeRobot monitor → our shape (status 0 = paused; SSL reminders under several names). */
export function toUptimeRobotMonitor(v: unknown): Monitor {
  const m = obj(v)
  const ssl = obj(m.ssl)
  const flag = m.ssl_expiration_reminder ?? m.sslExpirationReminder ?? ssl.expiration_reminder ?? ssl.enabled
  return {
    id: String(m.id ?? ''),
    name: String(m.friendly_name ?? ''),
    url: String(m.url ?? ''),
    type: String(m.type ?? ''),
    active: String(m.status ?? '') !== '0',
    alerting: Array.isArray(m.alert_contacts) && m.alert_contacts.length > 0,
    sslExpiry: flag === undefined ? undefined : flag === true || flag === 1 || flag === '1',
  }
}
