import type { ApiReply, ApiRequest, ProviderApi, World } from '../types'
import { keyValid } from '../world'
import { labDomains, type LabContact, type LabRegistrarDomain } from './data'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const attrs = (o: Record<string, string | number | boolean>) =>
  Object.entries(o)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('')

/** An ApiResponse envelope (Namecheap answers HTTP 200 for errors too). */
function xml(command: string, status: 'OK' | 'ERROR', inner: string, errors: [number, string][] = [], http = 200): ApiReply {
  const errs = errors.map(([n, t]) => `<Error Number="${n}">${esc(t)}</Error>`).join('')
  const text = `<?xml version="1.0" encoding="utf-8"?>\n<ApiResponse Status="${status}" xmlns="http://api.namecheap.com/xml.response"><Errors>${errs}</Errors><Warnings /><RequestedCommand>${esc(command.toLowerCase())}</RequestedCommand>${inner ? `<CommandResponse Type="${esc(command)}">${inner}</CommandResponse>` : ''}<Server>LAB-NC</Server><GMTTimeDifference>--0:00</GMTTimeDifference><ExecutionTime>0.01</ExecutionTime></ApiResponse>`
  return { status: http, text, contentType: 'text/xml' }
}
const err = (command: string, n: number, text: string, http = 200) => xml(command, 'ERROR', '', [[n, text]], http)

const mdy = (d: Date) => `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`
const nc = (w: World) => w.spec.namecheap

function contactXml(tag: string, c: LabContact): string {
  const [first, ...last] = c.name.split(' ')
  return `<${tag} ReadOnly="false"><OrganizationName>${esc(c.organization)}</OrganizationName><FirstName>${esc(first ?? '')}</FirstName><LastName>${esc(last.join(' '))}</LastName><EmailAddress>${esc(c.email)}</EmailAddress></${tag}>`
}

function domainAttrs(d: LabRegistrarDomain, w: World, i: number) {
  return { ID: 1000 + i, Name: d.name, User: nc(w)?.user ?? 'labuser', Created: mdy(d.createdAt), Expires: mdy(d.expiresAt), IsExpired: d.expiresAt.getTime() < w.now, IsLocked: d.locked, AutoRenew: d.autoRenew, WhoisGuard: d.privacy ? 'ENABLED' : 'NOTPRESENT', IsPremium: false, IsOurDNS: false }
}

type Cmd = (req: ApiRequest, w: World, command: string) => ApiReply

const find = (w: World, name: string | null) => labDomains(w, nc(w)).findIndex((d) => d.name === (name ?? '').toLowerCase())

const COMMANDS: Record<string, Cmd> = {
  'namecheap.users.getbalances': (_r, _w, c) => xml(c, 'OK', '<UserGetBalancesResult Currency="USD" AvailableBalance="12.00" AccountBalance="12.00" EarnedAmount="0.00" WithdrawableAmount="0.00" FundsRequiredForAutoRenew="0.00" />'),
  'namecheap.domains.getlist': (req, w, c) => {
    const size = Math.min(100, Math.max(10, Number(req.query.get('PageSize') ?? 20) || 20))
    const page = Math.max(1, Number(req.query.get('Page') ?? 1) || 1)
    const term = (req.query.get('SearchTerm') ?? '').toLowerCase()
    const all = labDomains(w, nc(w))
      .map((d, i) => ({ d, i }))
      .filter(({ d }) => !term || d.name.includes(term))
    const rows = all.slice((page - 1) * size, page * size).map(({ d, i }) => `<Domain${attrs(domainAttrs(d, w, i))} />`)
    return xml(c, 'OK', `<DomainGetListResult>${rows.join('')}</DomainGetListResult><Paging><TotalItems>${all.length}</TotalItems><CurrentPage>${page}</CurrentPage><PageSize>${size}</PageSize></Paging>`)
  },
  'namecheap.domains.getinfo': (req, w, c) => {
    const i = find(w, req.query.get('DomainName'))
    if (i < 0) return err(c, 2019166, 'Domain not found')
    const d = labDomains(w, nc(w))[i]
    const ns = d.nameservers.map((n) => `<Nameserver>${esc(n)}</Nameserver>`).join('')
    return xml(
      c,
      'OK',
      `<DomainGetInfoResult Status="Ok" ID="${1000 + i}" DomainName="${esc(d.name)}" OwnerName="${esc(nc(w)?.user ?? 'labuser')}" IsOwner="true" IsPremium="false"><DomainDetails><CreatedDate>${mdy(d.createdAt)}</CreatedDate><ExpiredDate>${mdy(d.expiresAt)}</ExpiredDate><NumYears>0</NumYears></DomainDetails><Whoisguard Enabled="${d.privacy ? 'True' : 'False'}"><ID>${d.privacy ? 5000 + i : 0}</ID></Whoisguard><PremiumDnsSubscription><UseAutoRenew>false</UseAutoRenew></PremiumDnsSubscription><DnsDetails ProviderType="CUSTOM" IsUsingOurDNS="false" HostCount="0" EmailType="" DynamicDNSStatus="false" IsFailover="false">${ns}</DnsDetails><Modificationrights All="true" /></DomainGetInfoResult>`,
    )
  },
  'namecheap.domains.getcontacts': (req, w, c) => {
    const i = find(w, req.query.get('DomainName'))
    if (i < 0) return err(c, 2019166, 'Domain not found')
    const k = labDomains(w, nc(w))[i].contacts
    return xml(c, 'OK', `<DomainContactsResult Domain="${esc(req.query.get('DomainName') ?? '')}" domainnameid="${1000 + i}">${contactXml('Registrant', k.registrant)}${contactXml('Tech', k.tech)}${contactXml('Admin', k.admin)}${contactXml('AuxBilling', k.billing)}</DomainContactsResult>`)
  },
  'namecheap.users.address.getlist': (_r, _w, c) => xml(c, 'OK', '<AddressGetListResult><List AddressId="1" AddressName="Primary" IsDefault="true" /></AddressGetListResult>'),
  'namecheap.users.address.getinfo': (req, w, c) => {
    if (req.query.get('AddressId') !== '1') return err(c, 2011166, 'AddressId is invalid')
    return xml(c, 'OK', `<GetAddressInfoResult><AddressId>1</AddressId><UserName>${esc(nc(w)?.user ?? 'labuser')}</UserName><AddressName>Primary</AddressName><Default_YN>true</Default_YN><EmailAddress>${esc(nc(w)?.email ?? 'founder@example.com')}</EmailAddress></GetAddressInfoResult>`)
  },
}

/** Namecheap's XML API: GET /xml.response?ApiUser&ApiKey&UserName&ClientIp&Command. */
export const namecheapApi: ProviderApi = {
  name: 'namecheap',
  prefix: '/namecheap/xml.response',
  auth(req, world) {
    const q = (k: string) => req.query.get(k) ?? req.query.get(k.toLowerCase())
    const command = q('Command') ?? ''
    for (const p of ['ApiUser', 'ApiKey', 'UserName', 'ClientIp', 'Command']) if (!q(p)) return err(command, 1010101 + ['ApiUser', 'ApiKey', 'UserName', 'Command', 'ClientIp'].indexOf(p), `Parameter ${p} is missing`)
    const [user, , ip] = (world.credentials['registrar-namecheap'] ?? '').split(':')
    if (q('ApiUser') !== user || !keyValid(world, 'registrar-namecheap', `${q('ApiUser')}:${q('ApiKey')}:${ip}`)) return err(command, 1011102, 'API Key is invalid or API access has not been enabled')
    if (q('ClientIp') !== ip) return err(command, 1011150, `Invalid request IP: ${q('ClientIp')}`)
    return undefined
  },
  error(status, message) {
    return err('', status === 429 ? 500000 : 1011100, status === 429 ? 'Too many requests' : message, status)
  },
  routes: [
    {
      method: 'GET',
      pattern: '/',
      handle: (req, _p, w) => {
        const command = req.query.get('Command') ?? ''
        const fn = COMMANDS[command.toLowerCase()]
        return fn ? fn(req, w, command) : err(command, 1010105, `Command ${command} is not found or not allowed`)
      },
    },
  ],
}
