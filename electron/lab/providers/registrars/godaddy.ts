import { intParam } from '../paging'
import type { ApiReply, ProviderApi, World } from '../types'
import { keyValid, stableId } from '../world'
import { labDomains, type LabContact, type LabRegistrarDomain } from './data'

/** GoDaddy's error shape: `{ code, message }` (429 adds retryAfterSec). */
const gErr = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): ApiReply => ({ status, body: { code, message, ...extra } })

function contact(c: LabContact) {
  const [first, ...last] = c.name.split(' ')
  return { nameFirst: first ?? '', nameLast: last.join(' '), organization: c.organization, email: c.email, phone: '+1.5555550100', addressMailing: { address1: '1 Lab Street', city: 'Labtown', state: 'CA', postalCode: '94000', country: 'US' } }
}

function summary(d: LabRegistrarDomain) {
  return {
    domain: d.name,
    domainId: Number.parseInt(stableId(`gd:${d.name}`, 7), 16),
    status: 'ACTIVE',
    createdAt: d.createdAt.toISOString(),
    expires: d.expiresAt.toISOString(),
    expirationProtected: false,
    holdRegistrar: false,
    locked: d.locked,
    privacy: d.privacy,
    renewAuto: d.autoRenew,
    renewable: true,
    renewDeadline: new Date(d.expiresAt.getTime() + 40 * 86_400_000).toISOString(),
    transferProtected: false,
    nameServers: d.nameservers,
  }
}

const domains = (w: World) => labDomains(w, w.spec.godaddy)

/** GoDaddy Domains API v1 (`Authorization: sso-key KEY:SECRET`). */
export const godaddyApi: ProviderApi = {
  name: 'godaddy',
  prefix: '/godaddy',
  auth(req, world) {
    const h = String(req.headers.authorization ?? '')
    const m = /^sso-key\s+(\S+:\S+)$/i.exec(h.trim())
    if (!m) return gErr(401, 'MISSING_CREDENTIALS', 'Missing credentials: Authorization header must be "sso-key <key>:<secret>"')
    if (!keyValid(world, 'registrar-godaddy', m[1])) return gErr(401, 'UNABLE_TO_AUTHENTICATE', 'Unable to authenticate user')
    return undefined
  },
  error(status, message) {
    if (status === 429) return gErr(429, 'TOO_MANY_REQUESTS', 'Too many requests', { retryAfterSec: 1 })
    if (status === 401) return gErr(401, 'UNABLE_TO_AUTHENTICATE', 'Unable to authenticate user')
    if (status === 403) return gErr(403, 'ACCESS_DENIED', 'Authenticated user is not allowed access')
    if (status === 404) return gErr(404, 'NOT_FOUND', message)
    return gErr(status, 'INTERNAL_SERVER_ERROR', message)
  },
  routes: [
    {
      method: 'GET',
      pattern: '/v1/domains',
      handle: (req, _p, w) => {
        const limit = intParam(req.query.get('limit'), 1000, 1, 1000)
        const marker = req.query.get('marker')?.toLowerCase()
        const sorted = domains(w).sort((a, b) => a.name.localeCompare(b.name))
        const after = marker ? sorted.filter((d) => d.name > marker) : sorted
        return { status: 200, body: after.slice(0, limit).map(summary) }
      },
    },
    {
      method: 'GET',
      pattern: '/v1/domains/:domain',
      handle: (_req, p, w) => {
        const d = domains(w).find((x) => x.name === p.domain.toLowerCase())
        if (!d) return gErr(404, 'NOT_FOUND', `Domain ${p.domain} not found`)
        return { status: 200, body: { ...summary(d), authCode: stableId(`auth:${d.name}`, 16), contactRegistrant: contact(d.contacts.registrant), contactAdmin: contact(d.contacts.admin), contactTech: contact(d.contacts.tech), contactBilling: contact(d.contacts.billing) } }
      },
    },
  ],
}
