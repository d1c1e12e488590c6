import { ProviderError } from '../errors'
import { requestJson } from '../request'
import { secretParts } from './secrets'
import { hostList, isoDate, type RegistrarClient, type RegistrarContact, type RegistrarDomain, type RegistrarOptions } from './types'

export const GODADDY_API = 'https://api.godaddy.com'
const PAGE = 100
const MAX_PAGES = 20

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null)

/** GoDaddy's error body: `{ code, message, fields? }` (429 adds `retryAfterSec`). */
export function godaddyMessage(_status: number, text: string): string | undefined {
  try {
    const b = obj(JSON.parse(text))
    return [b.code, b.message].filter((x) => typeof x === 'string' && x).join(': ') || undefined
  } catch {
    return undefined
  }
}

/**
 * GoDaddy Domains API v1 with `Authorization: sso-key KEY:SECRET`. The domain detail names its
 * contacts but not the account (shopper) that holds it.
 */
export class GoDaddyClient implements RegistrarClient {
  readonly registrar = 'godaddy' as const
  private readonly auth: string
  constructor(
    secret: string,
    private readonly o: RegistrarOptions,
  ) {
    const [key, sec] = secretParts('registrar-godaddy', secret, 2, [0, 1])
    this.auth = `sso-key ${key}:${sec}`
  }

  private get(path: string) {
    const url = `${(this.o.baseURL ?? GODADDY_API).replace(/\/$/, '')}${path}`
    return requestJson({ provider: 'godaddy', fetch: this.o.fetch, url, headers: { authorization: this.auth }, signal: this.o.signal, timeoutMs: this.o.timeoutMs, explain: godaddyMessage })
  }

  /** GET /v1/domains, paged with `limit` and `marker` (the last domain of the page before). */
  async list(): Promise<Obj[]> {
    const out: Obj[] = []
    let marker = ''
    for (let n = 0; n < MAX_PAGES; n++) {
      const res = await this.get(`/v1/domains?limit=${PAGE}${marker ? `&marker=${encodeURIComponent(marker)}` : ''}&statuses=ACTIVE`)
      if (!Array.isArray(res.body)) throw new ProviderError('godaddy', 'invalid_response', 'GoDaddy answered without a domain list')
      const page = res.body.map(obj)
      out.push(...page)
      if (page.length < PAGE) break
      marker = String(page[page.length - 1].domain ?? '')
      if (!marker) break
    }
    return out
  }

  async whoami(): Promise<{ identity: string; scopes: string[] }> {
    const all = await this.list()
    return { identity: `GoDaddy API key (${all.length} active domain${all.length === 1 ? '' : 's'})`, scopes: ['domains'] }
  }

  /** GET /v1/domains/{domain}; 404 (or 403 "not the shopper's") means this account does not hold it. */
  async domain(raw: string): Promise<RegistrarDomain | null> {
    const name = raw.toLowerCase()
    let d: Obj
    try {
      d = obj((await this.get(`/v1/domains/${encodeURIComponent(name)}`)).body)
    } catch (e) {
      if (e instanceof ProviderError && e.kind === 'not_found') return null
      throw e
    }
    const roles: [string, string][] = [
      ['registrant', 'contactRegistrant'],
      ['admin', 'contactAdmin'],
      ['tech', 'contactTech'],
      ['billing', 'contactBilling'],
    ]
    const contacts: RegistrarContact[] = roles.map(([role, key]) => {
      const c = obj(d[key])
      const person = [c.nameFirst, c.nameLast].filter((x) => typeof x === 'string' && x).join(' ')
      return { role, name: person || undefined, organization: typeof c.organization === 'string' && c.organization ? c.organization : undefined, email: typeof c.email === 'string' ? c.email.toLowerCase() : undefined }
    })
    return {
      registrar: 'godaddy',
      domain: name,
      account: { name: 'the GoDaddy account of this API key', emails: [], twoFactor: null },
      autoRenew: bool(d.renewAuto),
      locked: bool(d.locked),
      expiresAt: isoDate(d.expires),
      nameservers: Array.isArray(d.nameServers) ? hostList(d.nameServers) : null,
      privacy: bool(d.privacy),
      dnssec: null,
      contacts,
      raw: { domain: { ...d, authCode: d.authCode ? '[withheld]' : undefined } },
    }
  }
}
