import { ProviderError } from '../errors'
import type { FetchFn } from '../fetch'
import { requestJson } from '../request'
import type { Monitor, MonitoringClient, MonitoringSnapshot } from './types'

export const BETTERSTACK_API = 'https://uptime.betterstack.com'
const MAX_PAGES = 10

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})

export interface BetterStackOptions {
  token: string
  fetch: FetchFn
  baseURL?: string
  timeoutMs: number
  signal?: AbortSignal
}

/** Better Stack Uptime API v2 (JSON:API, Bearer token, pagination.next). */
export class BetterStackClient implements MonitoringClient {
  constructor(private readonly o: BetterStackOptions) {}

  /** All monitors; Better Stack alerts per monitor (email/sms/call/push or a policy), so contacts are derived. */
  async snapshot(): Promise<MonitoringSnapshot> {
    const base = (this.o.baseURL ?? BETTERSTACK_API).replace(/\/$/, '')
    let url: string | undefined = /\/api\/v2$/.test(base) ? `${base}/monitors` : `${base}/api/v2/monitors`
    const first = new URL(url)
    const monitors: Monitor[] = []
    for (let n = 0; n < MAX_PAGES && url; n++) {
      const res = await requestJson({ provider: 'betterstack', fetch: this.o.fetch, url, signal: this.o.signal, timeoutMs: this.o.timeoutMs, headers: { authorization: `Bearer ${this.o.token}` } })
      const body = obj(res.body)
      if (!Array.isArray(body.data)) throw new ProviderError('betterstack', 'invalid_response', 'Better Stack answered without a data list')
      monitors.push(...body.data.map(toBetterStackMonitor))
      const next = obj(body.pagination).next
      // Follow `next` only on the same origin: a token is never sent to another host.
      url = typeof next === 'string' && next && new URL(next, first).origin === first.origin ? new URL(next, first).href : undefined
    }
    const kinds = new Set<string>()
    for (const m of monitors) for (const k of m.alerting ? channelsOf(m) : []) kinds.add(k)
    return { provider: 'betterstack', monitors, contacts: [...kinds].map((k) => ({ id: k, name: `${k} alerts on monitors`, type: k })) }
  }
}

const CHANNELS = ['email', 'sms', 'call', 'push', 'critical_alert'] as const
const channels = new WeakMap<Monitor, string[]>()
const channelsOf = (m: Monitor) => channels.get(m) ?? []

/** A JSON:API monitor resource → our shape; ssl_expiration (days before expiry, null = off). */
export function toBetterStackMonitor(v: unknown): Monitor {
  const d = obj(v)
  const a = obj(d.attributes)
  const on: string[] = CHANNELS.filter((c) => a[c] === true)
  if (a.policy_id !== null && a.policy_id !== undefined) on.push('policy')
  const m: Monitor = {
    id: String(d.id ?? ''),
    name: String(a.pronounceable_name ?? a.url ?? ''),
    url: String(a.url ?? ''),
    type: String(a.monitor_type ?? ''),
    active: a.paused !== true && a.status !== 'paused',
    alerting: on.length > 0,
    sslExpiry: 'ssl_expiration' in a ? typeof a.ssl_expiration === 'number' && a.ssl_expiration > 0 : undefined,
  }
  channels.set(m, on)
  return m
}
