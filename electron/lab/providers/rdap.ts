import { rdapDomainSchema, type RdapDomainSpec } from './schema'
import type { ApiReply, ProviderApi, World } from './types'
import { hoursAgo, stableId } from './world'

type Obj = Record<string, unknown>

/** The domains the lab registry knows: the scenario's list, or one default record per primary domain. */
export function rdapDomains(world: World): { name: string; spec: RdapDomainSpec }[] {
  const listed = world.spec.rdap?.domains
  if (listed) return listed.map((d, i) => ({ name: (d.name ?? world.domains[i] ?? world.domains[0] ?? 'example.test').toLowerCase(), spec: d }))
  return world.domains.map((name) => ({ name, spec: rdapDomainSchema.parse({}) }))
}

/** Nameservers: the scenario's, else the Cloudflare zone's, else ns1/ns2 under the domain. */
function nameserversFor(world: World, name: string, spec: RdapDomainSpec): string[] {
  if (spec.nameservers) return spec.nameservers
  const zones = world.spec.cloudflare?.zones ?? []
  const zone = zones.find((z, i) => (z.name ?? world.domains[i] ?? world.domains[0]) === name)
  return zone ? zone.nameServers : [`ns1.${name}`, `ns2.${name}`]
}

const vcard = (fn: string, extra: unknown[][] = []) => ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', fn], ...extra]]

/** An RFC 9083 domain object (shaped like a gTLD registry's thin answer). */
export function rdapDomainObject(world: World, d: { name: string; spec: RdapDomainSpec }): Obj {
  const base = `${world.origin}/rdap`
  const { spec } = d
  const tag = (stableId(`ds:${d.name}`, 4) as string).toUpperCase()
  return {
    rdapConformance: ['rdap_level_0', 'icann_rdap_response_profile_0', 'icann_rdap_technical_implementation_guide_0'],
    objectClassName: 'domain',
    handle: `${stableId(`handle:${d.name}`, 10).toUpperCase()}_DOMAIN-LAB`,
    ldhName: d.name.toUpperCase(),
    links: [{ value: `${base}/domain/${d.name}`, rel: 'self', href: `${base}/domain/${d.name}`, type: 'application/rdap+json' }],
    status: spec.status,
    entities: [
      {
        objectClassName: 'entity',
        handle: spec.registrar.ianaId,
        roles: ['registrar'],
        publicIds: [{ type: 'IANA Registrar ID', identifier: spec.registrar.ianaId }],
        vcardArray: vcard(spec.registrar.name),
        entities: [
          {
            objectClassName: 'entity',
            roles: ['abuse'],
            vcardArray: vcard('', [
              ['tel', { type: 'voice' }, 'uri', 'tel:+1.5555550100'],
              ['email', {}, 'text', spec.registrar.abuseEmail ?? 'abuse@registrar.lab'],
            ]),
          },
        ],
      },
      {
        objectClassName: 'entity',
        roles: ['registrant'],
        vcardArray: spec.registrant ? vcard('', [['org', {}, 'text', spec.registrant]]) : vcard('REDACTED FOR PRIVACY'),
      },
    ],
    events: [
      { eventAction: 'registration', eventDate: hoursAgo(world, spec.registeredDaysAgo * 24) },
      { eventAction: 'expiration', eventDate: hoursAgo(world, -spec.expiresInDays * 24) },
      { eventAction: 'last changed', eventDate: hoursAgo(world, 24 * 10) },
      { eventAction: 'last update of RDAP database', eventDate: hoursAgo(world, 0) },
    ],
    secureDNS: spec.dnssec
      ? { delegationSigned: true, dsData: [{ keyTag: Number.parseInt(tag, 16), algorithm: 13, digestType: 2, digest: stableId(`digest:${d.name}`, 64).toUpperCase() }] }
      : { delegationSigned: false },
    nameservers: nameserversFor(world, d.name, spec).map((ns) => ({ objectClassName: 'nameserver', ldhName: ns.toUpperCase(), status: ['active'] })),
    notices: [
      { title: 'Terms of Use', description: ['Lab registry data: not a real registration.'], links: [{ value: `${base}/help`, rel: 'alternate', href: `${base}/help`, type: 'text/html' }] },
    ],
  }
}

/** RFC 9083 §6 error object. */
function rdapError(status: number, title: string, description: string): ApiReply {
  return { status, body: { rdapConformance: ['rdap_level_0'], errorCode: status, title, description: [description] } }
}

/** RDAP registry (domain lookups) and the IANA-format bootstrap file pointing at it. */
export const rdapApi: ProviderApi = {
  name: 'rdap',
  prefix: '/rdap',
  auth: () => undefined,
  error: (status, message) => rdapError(status, status === 404 ? 'Not Found' : status === 429 ? 'Too Many Requests' : 'Error', message),
  routes: [
    {
      method: 'GET',
      pattern: '/bootstrap/dns.json',
      handle: (_req, _p, world) => {
        const tlds = new Set([...world.domains, ...rdapDomains(world).map((d) => d.name)].map((n) => n.split('.').pop() as string))
        return {
          status: 200,
          body: { version: '1.0', publication: hoursAgo(world, 0), description: 'RDAP bootstrap file for Domain Name System registrations (lab)', services: [[[...tlds].sort(), [`${world.origin}/rdap/`]]] },
        }
      },
    },
    {
      method: 'GET',
      pattern: '/domain/:name',
      handle: (_req, params, world) => {
        const name = params.name.toLowerCase().replace(/\.$/, '')
        const d = rdapDomains(world).find((x) => x.name === name)
        return d ? { status: 200, body: rdapDomainObject(world, d) } : rdapError(404, 'Not Found', `The domain ${name} is not registered here.`)
      },
    },
  ],
}
