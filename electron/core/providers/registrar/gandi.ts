import { ProviderError } from '../errors'
import { requestJson } from '../request'
import { registerSecret } from '../../vault/redact'
import { hostList, isoDate, type RegistrarClient, type RegistrarContact, type RegistrarDomain, type RegistrarOptions } from './types'

export const GANDI_API = 'https://api.gandi.net/v5'
const PER_PAGE = 100
const MAX_PAGES = 20

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

/** Gandi's error body: `{ code, message, object, cause }`. */
export function gandiMessage(_status: number, text: string): string | undefined {
  try {
    const b = obj(JSON.parse(text))
    return str(b.message) ?? str(b.cause)
  } catch {
    return undefined
  }
}

/**
 * Gandi API v5: a personal access token (`Authorization: Bearer`) or a legacy API key
 * (`Authorization: Apikey`, stored as `apikey:KEY`). The domain names its sharing space (the
 * user or organisation that holds it), whose e-mail the organization API gives.
 */
export class GandiClient implements RegistrarClient {
  readonly registrar = 'gandi' as const
  private readonly auth: string
  constructor(
    secret: string,
    private readonly o: RegistrarOptions,
  ) {
    const s = secret.trim()
    const legacy = /^apikey:(.+)$/i.exec(s)
    if (legacy) registerSecret(legacy[1])
    this.auth = legacy ? `Apikey ${legacy[1]}` : `Bearer ${s}`
  }

  private get(path: string) {
    const url = `${(this.o.baseURL ?? GANDI_API).replace(/\/$/, '')}${path}`
    return requestJson({ provider: 'gandi', fetch: this.o.fetch, url, headers: { authorization: this.auth }, signal: this.o.signal, timeoutMs: this.o.timeoutMs, explain: gandiMessage })
  }

  /** GET /organization/user-info. */
  async whoami(): Promise<{ identity: string; scopes: string[] }> {
    const u = obj((await this.get('/organization/user-info')).body)
    return { identity: `${str(u.username) ?? 'Gandi user'}${str(u.email) ? ` (${str(u.email)})` : ''}`, scopes: ['domain:read', 'organization:read'] }
  }

  /** GET /domain/domains, page by page (`page`, `per_page`, the `Total-Count` header). */
  async list(): Promise<Obj[]> {
    const out: Obj[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await this.get(`/domain/domains?page=${page}&per_page=${PER_PAGE}`)
      if (!Array.isArray(res.body)) throw new ProviderError('gandi', 'invalid_response', 'Gandi answered without a domain list')
      out.push(...res.body.map(obj))
      const total = Number(res.headers.get('total-count'))
      if (res.body.length < PER_PAGE || (Number.isFinite(total) && out.length >= total)) break
    }
    return out
  }

  /** Who holds the sharing space: the user's own e-mail, or the organisation's. */
  private async holder(space: Obj): Promise<{ name: string; emails: string[] }> {
    const name = str(space.name) ?? 'Gandi account'
    if (space.type === 'user') {
      const u = obj((await this.get('/organization/user-info')).body)
      if (!space.id || u.id === space.id) return { name, emails: str(u.email) ? [String(u.email).toLowerCase()] : [] }
    }
    if (!str(space.id)) return { name, emails: [] }
    const org = obj((await this.get(`/organization/organizations/${encodeURIComponent(String(space.id))}`)).body)
    return { name: str(org.name) ?? name, emails: str(org.email) ? [String(org.email).toLowerCase()] : [] }
  }

  async domain(raw: string): Promise<RegistrarDomain | null> {
    const name = raw.toLowerCase()
    let d: Obj
    try {
      d = obj((await this.get(`/domain/domains/${encodeURIComponent(name)}`)).body)
    } catch (e) {
      if (e instanceof ProviderError && e.kind === 'not_found') return null
      throw e
    }
    const space = obj(d.sharing_space)
    const holder = await this.holder(space).catch(() => ({ name: str(space.name) ?? 'Gandi account', emails: [] as string[] }))
    const c = obj((await this.get(`/domain/domains/${encodeURIComponent(name)}/contacts`)).body)
    const contacts: RegistrarContact[] = ['owner', 'admin', 'tech', 'bill'].map((role) => {
      const x = obj(c[role])
      const person = [x.given, x.family].filter((v) => typeof v === 'string' && v).join(' ')
      return { role: role === 'owner' ? 'registrant' : role === 'bill' ? 'billing' : role, name: person || undefined, organization: str(x.orgname), email: str(x.email)?.toLowerCase() }
    })
    const ns = obj(d.nameserver)
    const keys = await this.get(`/domain/domains/${encodeURIComponent(name)}/dnskeys`).then((r) => (Array.isArray(r.body) ? r.body.length > 0 : null)).catch(() => null)
    const status = Array.isArray(d.status) ? d.status.map(String) : []
    return {
      registrar: 'gandi',
      domain: name,
      account: { name: holder.name, id: str(space.id), emails: holder.emails, twoFactor: null },
      autoRenew: typeof obj(d.autorenew).enabled === 'boolean' ? (obj(d.autorenew).enabled as boolean) : null,
      locked: status.includes('clientTransferProhibited'),
      expiresAt: isoDate(obj(d.dates).registry_ends_at),
      nameservers: Array.isArray(ns.hosts) ? hostList(ns.hosts) : null,
      privacy: typeof obj(c.owner).data_obfuscated === 'boolean' ? (obj(c.owner).data_obfuscated as boolean) : null,
      dnssec: keys,
      contacts,
      raw: { domain: { ...d, authinfo: d.authinfo ? '[withheld]' : undefined }, contacts: c },
    }
  }
}
