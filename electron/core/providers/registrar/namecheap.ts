import { XMLParser } from 'fast-xml-parser'
import { ProviderError } from '../errors'
import { requestText } from '../request'
import { secretParts } from './secrets'
import { hostList, isoDate, type RegistrarClient, type RegistrarContact, type RegistrarDomain, type RegistrarOptions } from './types'

export const NAMECHEAP_API = 'https://api.namecheap.com/xml.response'
const MAX_PAGES = 10

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {})
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : v ? [obj(v)] : [])
const yes = (v: unknown): boolean | null => (v === undefined ? null : /^(true|enabled)$/i.test(String(v)))

// Element names that may repeat; everything else is read as one element.
const REPEATED = new Set(['Error', 'Domain', 'Nameserver', 'List', 'Warning'])
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: '#text', parseAttributeValue: false, parseTagValue: false, isArray: (name) => REPEATED.has(name) })

/** Error numbers that mean the credential (or the calling IP) is not accepted. */
const AUTH_ERRORS = new Set(['1010101', '1010102', '1011102', '1011150', '1017101', '1017150', '1017410', '1017411'])
/** "Domain not found" / "not associated with your account". */
const NOT_HERE = new Set(['2019166', '2016166', '2030166'])

/** A parsed `<ApiResponse>`: its CommandResponse, or a typed error naming Namecheap's error number. */
export function namecheapResponse(xml: string): Obj {
  let doc: Obj
  try {
    doc = obj(parser.parse(xml))
  } catch {
    throw new ProviderError('namecheap', 'invalid_response', 'Namecheap answered with XML that does not parse')
  }
  const api = obj(doc.ApiResponse)
  if (!api.Status) throw new ProviderError('namecheap', 'invalid_response', 'Namecheap answered without an ApiResponse')
  if (String(api.Status).toUpperCase() !== 'OK') {
    const err = list(obj(api.Errors).Error)[0] ?? {}
    const num = String(err.Number ?? '')
    const text = String(err['#text'] ?? 'unknown error')
    const kind = AUTH_ERRORS.has(num) ? 'auth' : NOT_HERE.has(num) ? 'not_found' : /too many|rate/i.test(text) ? 'rate_limited' : 'invalid_response'
    throw new ProviderError('namecheap', kind, `Namecheap error ${num || '?'}: ${text}`)
  }
  return obj(api.CommandResponse)
}

/**
 * Namecheap's XML API: GET xml.response with ApiUser, ApiKey, UserName, ClientIp and Command.
 * Errors come as `Status="ERROR"` with a numbered `<Error>` (HTTP 200); the account is the API user.
 */
export class NamecheapClient implements RegistrarClient {
  readonly registrar = 'namecheap' as const
  private readonly user: string
  private readonly key: string
  private readonly ip: string
  constructor(
    secret: string,
    private readonly o: RegistrarOptions,
  ) {
    ;[this.user, this.key, this.ip] = secretParts('registrar-namecheap', secret, 3, [1])
  }

  private async command(command: string, params: Record<string, string> = {}): Promise<Obj> {
    const q = new URLSearchParams({ ApiUser: this.user, ApiKey: this.key, UserName: this.user, ClientIp: this.ip, Command: command, ...params })
    const res = await requestText({ provider: 'namecheap', fetch: this.o.fetch, url: `${this.o.baseURL ?? NAMECHEAP_API}?${q}`, signal: this.o.signal, timeoutMs: this.o.timeoutMs })
    return namecheapResponse(res.body)
  }

  /** namecheap.users.getBalances: proves the key, names the user. */
  async whoami(): Promise<{ identity: string; scopes: string[] }> {
    await this.command('namecheap.users.getBalances')
    return { identity: `Namecheap user ${this.user}`, scopes: ['domains', 'users'] }
  }

  /** namecheap.domains.getList with a search term, page by page (PageSize 100). */
  private async listed(name: string): Promise<Obj | undefined> {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const r = await this.command('namecheap.domains.getList', { SearchTerm: name, Page: String(page), PageSize: '100' })
      const found = list(obj(r.DomainGetListResult).Domain).find((d) => String(d.Name).toLowerCase() === name)
      if (found) return found
      const p = obj(r.Paging)
      if (page * Number(p.PageSize ?? 100) >= Number(p.TotalItems ?? 0)) return undefined
    }
    return undefined
  }

  /** The account's default address (users.address.getList, then getInfo): its e-mail. */
  private async accountEmail(): Promise<string | undefined> {
    const l = await this.command('namecheap.users.address.getList')
    const all = list(obj(l.AddressGetListResult).List)
    const pick = all.find((a) => /true/i.test(String(a.IsDefault))) ?? all[0]
    if (!pick?.AddressId) return undefined
    const info = obj((await this.command('namecheap.users.address.getInfo', { AddressId: String(pick.AddressId) })).GetAddressInfoResult)
    return typeof info.EmailAddress === 'string' ? info.EmailAddress.toLowerCase() : undefined
  }

  async domain(raw: string): Promise<RegistrarDomain | null> {
    const name = raw.toLowerCase()
    const listed = await this.listed(name)
    if (!listed) return null
    let info: Obj
    try {
      info = obj((await this.command('namecheap.domains.getInfo', { DomainName: name })).DomainGetInfoResult)
    } catch (e) {
      if (e instanceof ProviderError && e.kind === 'not_found') return null
      throw e
    }
    const contactsRes = obj((await this.command('namecheap.domains.getContacts', { DomainName: name })).DomainContactsResult)
    const contacts: RegistrarContact[] = ['Registrant', 'Admin', 'Tech', 'AuxBilling'].map((role) => {
      const c = obj(contactsRes[role])
      const person = [c.FirstName, c.LastName].filter((x) => typeof x === 'string' && x).join(' ')
      return { role: role.toLowerCase(), name: person || undefined, organization: typeof c.OrganizationName === 'string' && c.OrganizationName ? c.OrganizationName : undefined, email: typeof c.EmailAddress === 'string' ? c.EmailAddress.toLowerCase() : undefined }
    })
    const email = await this.accountEmail().catch(() => undefined)
    const dns = obj(info.DnsDetails)
    const owner = String(info.OwnerName ?? listed.User ?? this.user)
    return {
      registrar: 'namecheap',
      domain: name,
      account: { name: owner, emails: email ? [email] : [], twoFactor: null },
      autoRenew: yes(listed.AutoRenew),
      locked: yes(listed.IsLocked),
      expiresAt: isoDate(obj(info.DomainDetails).ExpiredDate) ?? isoDate(listed.Expires),
      nameservers: hostList((Array.isArray(dns.Nameserver) ? dns.Nameserver : []).map((n) => (typeof n === 'string' ? n : String(obj(n)['#text'] ?? '')))),
      privacy: yes(obj(info.Whoisguard).Enabled),
      dnssec: null,
      contacts,
      raw: { listed, info, contacts: contactsRes },
    }
  }
}
