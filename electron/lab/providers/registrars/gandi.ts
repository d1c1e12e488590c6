import { intParam } from '../paging'
import type { ApiReply, ProviderApi, World } from '../types'
import { keyValid, stableId } from '../world'
import { labDomains, type LabContact } from './data'

const NAMES: Record<number, [string, string]> = { 401: ['HTTPUnauthorized', 'Unauthorized'], 403: ['HTTPForbidden', 'Forbidden'], 404: ['HTTPNotFound', 'Not Found'], 429: ['HTTPTooManyRequests', 'Too Many Requests'] }
/** Gandi's error shape: `{ code, message, object, cause }`. */
const gErr = (status: number, message: string): ApiReply => ({ status, body: { code: status, message, object: NAMES[status]?.[0] ?? 'HTTPInternalServerError', cause: NAMES[status]?.[1] ?? 'Internal Server Error' } })

const spec = (w: World) => w.spec.gandi
const domains = (w: World) => labDomains(w, spec(w))
const userId = (w: World) => stableId(`gandi-user:${spec(w)?.user ?? 'labuser'}`).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5')
const orgId = (w: World) => stableId(`gandi-org:${spec(w)?.organization?.name ?? ''}`).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5')
const space = (w: World) => (spec(w)?.organization ? { id: orgId(w), name: spec(w)!.organization!.name, type: 'organization', reseller: false } : { id: userId(w), name: spec(w)?.user ?? 'labuser', type: 'user', reseller: false })

function contact(c: LabContact, obfuscated: boolean) {
  const [given, ...family] = c.name.split(' ')
  return { type: c.organization ? 'company' : 'individual', given: given ?? '', family: family.join(' '), orgname: c.organization || undefined, email: c.email, country: 'FR', data_obfuscated: obfuscated, mail_obfuscated: obfuscated }
}

/** Gandi API v5 (`Authorization: Bearer <PAT>` or `Apikey <key>`). */
export const gandiApi: ProviderApi = {
  name: 'gandi',
  prefix: '/gandi/v5',
  auth(req, world) {
    const m = /^(Bearer|Apikey)\s+(\S+)$/i.exec(String(req.headers.authorization ?? '').trim())
    const cred = world.credentials['registrar-gandi'] ?? ''
    const key = m ? (m[1].toLowerCase() === 'apikey' && cred.startsWith('apikey:') ? `apikey:${m[2]}` : m[2]) : undefined
    if (!keyValid(world, 'registrar-gandi', key)) return gErr(401, 'The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn\'t understand how to supply the credentials required.')
    return undefined
  },
  error(status, message) {
    return gErr(status, status === 429 ? 'Too many requests, slow down.' : message)
  },
  routes: [
    {
      method: 'GET',
      pattern: '/organization/user-info',
      handle: (_r, _p, w) => ({ status: 200, body: { id: userId(w), username: spec(w)?.user ?? 'labuser', email: spec(w)?.email ?? 'founder@example.com', firstname: 'Lab', lastname: 'User', lang: 'en', timezone: 'UTC' } }),
    },
    {
      method: 'GET',
      pattern: '/organization/organizations/:id',
      handle: (_r, p, w) => {
        const org = spec(w)?.organization
        if (!org || p.id !== orgId(w)) return gErr(404, 'The resource could not be found.')
        return { status: 200, body: { id: orgId(w), name: org.name, email: org.email, type: 'company', orgname: org.name } }
      },
    },
    {
      method: 'GET',
      pattern: '/domain/domains',
      handle: (req, _p, w) => {
        const per = intParam(req.query.get('per_page'), 100, 1, 500)
        const page = intParam(req.query.get('page'), 1, 1, 100_000)
        const all = domains(w)
        const items = all.slice((page - 1) * per, page * per).map((d) => ({ fqdn: d.name, fqdn_unicode: d.name, tld: d.name.split('.').slice(1).join('.'), status: d.locked ? ['clientTransferProhibited'] : [], dates: { registry_created_at: d.createdAt.toISOString(), registry_ends_at: d.expiresAt.toISOString() }, autorenew: d.autoRenew, nameserver: { current: 'other' }, sharing_id: space(w).id, href: `${req.base}/domain/domains/${d.name}`, id: stableId(`gandi-domain:${d.name}`) }))
        return { status: 200, body: items, headers: { 'total-count': String(all.length) } }
      },
    },
    {
      method: 'GET',
      pattern: '/domain/domains/:fqdn',
      handle: (_r, p, w) => {
        const d = domains(w).find((x) => x.name === p.fqdn.toLowerCase())
        if (!d) return gErr(404, 'The resource could not be found.')
        return {
          status: 200,
          body: {
            fqdn: d.name,
            fqdn_unicode: d.name,
            id: stableId(`gandi-domain:${d.name}`),
            tld: d.name.split('.').slice(1).join('.'),
            status: d.locked ? ['clientTransferProhibited'] : [],
            dates: { created_at: d.createdAt.toISOString(), registry_created_at: d.createdAt.toISOString(), registry_ends_at: d.expiresAt.toISOString(), updated_at: d.createdAt.toISOString() },
            autorenew: { enabled: d.autoRenew, duration: 1, href: '', dates: [] },
            nameserver: { current: 'other', hosts: d.nameservers },
            sharing_space: space(w),
            can_tld_lock: true,
            authinfo: stableId(`auth:${d.name}`, 16),
            services: [],
            tags: [],
          },
        }
      },
    },
    {
      method: 'GET',
      pattern: '/domain/domains/:fqdn/contacts',
      handle: (_r, p, w) => {
        const d = domains(w).find((x) => x.name === p.fqdn.toLowerCase())
        if (!d) return gErr(404, 'The resource could not be found.')
        return { status: 200, body: { owner: contact(d.contacts.registrant, d.privacy), admin: contact(d.contacts.admin, d.privacy), tech: contact(d.contacts.tech, d.privacy), bill: contact(d.contacts.billing, d.privacy) } }
      },
    },
    {
      method: 'GET',
      pattern: '/domain/domains/:fqdn/dnskeys',
      handle: (_r, p, w) => {
        const d = domains(w).find((x) => x.name === p.fqdn.toLowerCase())
        if (!d) return gErr(404, 'The resource could not be found.')
        return { status: 200, body: d.dnssec ? [{ id: 1, algorithm: 13, flags: 257, public_key: 'bGFi', digest_type: 2 }] : [] }
      },
    },
  ],
}
