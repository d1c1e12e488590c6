import { SYSTEM_TITLES, type InventoryFields, type SystemKind } from '@shared/contract/handover'

/** Plain-language titles of the standard systems (shared with the renderer's inventory screen). */
export { SYSTEM_TITLES }

/** What each standard system does, said so a founder understands why it matters. */
const PURPOSE: Record<Exclude<SystemKind, 'custom'>, string> = {
  registrar: 'Owns the domain name itself. Losing this account means losing the domain.',
  dns: 'Answers where the domain and its hosts live (web, mail, verification records).',
  cdn: 'Sits in front of the site: TLS, caching, DDoS protection, firewall and rate limits.',
  hosting: 'Builds and runs the application; holds deployments and environment variables.',
  database: 'Stores customer data; backups and restore live here.',
  'email-sending': 'Sends transactional email (sign-up, password reset, receipts).',
  mailboxes: 'The team\u2019s inboxes on the domain; also where account recovery emails arrive.',
  monitoring: 'Watches the site and alerts a person when it is down or slow.',
  'source-repo': 'Holds the code and its history; deploys usually start here.',
  'secrets-manager': 'Keeps API keys and passwords for the team; never paste them elsewhere.',
  payments: 'Takes customer payments and pays out; keys here move money.',
  analytics: 'Counts visitors and conversions; usually holds personal data.',
}

/** The default rows for a new engagement: one per standard system, fields left for a person. */
export function defaultEntries(): InventoryFields[] {
  return (Object.keys(PURPOSE) as Exclude<SystemKind, 'custom'>[]).map((system) => ({
    system,
    name: '',
    purpose: PURPOSE[system],
    loginUrl: '',
    ownerAccount: '',
    admins: [],
    twoFactor: 'unknown',
    recovery: '',
    credentialLocation: '',
    rotatedBy: '',
    nextRotation: '',
    notes: '',
  }))
}

/** Sort key of a system in tables. */
export function systemOrder(system: SystemKind): number {
  return Object.keys(SYSTEM_TITLES).indexOf(system)
}
