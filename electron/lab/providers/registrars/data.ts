import type { World } from '../types'
import type { RegistrarAccountSpec } from './schema'

const DAY = 86_400_000

export interface LabContact {
  name: string
  organization: string
  email: string
}

/** A sandbox domain with names, dates and contacts resolved. */
export interface LabRegistrarDomain {
  name: string
  autoRenew: boolean
  locked: boolean
  privacy: boolean
  dnssec: boolean
  createdAt: Date
  expiresAt: Date
  nameservers: string[]
  contacts: Record<'registrant' | 'admin' | 'tech' | 'billing', LabContact>
}

/** The zone's nameservers from the Cloudflare section, or ns1/ns2 of the domain. */
function defaultNs(world: World, name: string): string[] {
  const zone = world.spec.cloudflare?.zones?.find((z, i) => (z.name ?? world.domains[i] ?? world.domains[0]) === name)
  return zone ? zone.nameServers : [`ns1.${name}`, `ns2.${name}`]
}

/** The account's domains as the fakes serve them. */
export function labDomains(world: World, account: RegistrarAccountSpec | undefined): LabRegistrarDomain[] {
  return (account?.domains ?? []).map((d, i) => {
    const name = (d.name ?? world.domains[i] ?? world.domains[0]).toLowerCase()
    const reg = { name: d.contacts.registrant?.name ?? 'Lab Registrant', organization: d.contacts.registrant?.organization ?? '', email: (d.contacts.registrant?.email ?? account?.email ?? 'founder@example.com').toLowerCase() }
    const c = (role: 'admin' | 'tech' | 'billing') => ({ ...reg, ...d.contacts[role] })
    return {
      name,
      autoRenew: d.autoRenew,
      locked: d.locked,
      privacy: d.privacy,
      dnssec: d.dnssec,
      createdAt: new Date(world.now - d.registeredDaysAgo * DAY),
      expiresAt: new Date(world.now + d.expiresInDays * DAY),
      nameservers: (d.nameservers ?? defaultNs(world, name)).map((n) => n.toLowerCase()),
      contacts: { registrant: reg, admin: c('admin'), tech: c('tech'), billing: c('billing') },
    }
  })
}

/** The request's JSON body as an object (empty when it is not JSON). */
export function jsonBody(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
