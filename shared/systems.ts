// The kinds of system an access inventory lists, apart from the handover contract (which
// re-exports them): the sprint template and its gates name them without building that
// contract's zod schemas, which `handover engagement list` would otherwise pay for at start.

/** The systems an access inventory lists, in the order the PDF shows them. */
export const SYSTEM_KINDS = [
  'registrar',
  'dns',
  'cdn',
  'hosting',
  'database',
  'email-sending',
  'mailboxes',
  'monitoring',
  'source-repo',
  'secrets-manager',
  'payments',
  'analytics',
  'error-tracking',
  'custom',
] as const
export type SystemKind = (typeof SYSTEM_KINDS)[number]

/** Plain-language titles of the systems, for tables, forms and the PDF. */
export const SYSTEM_TITLES: Record<SystemKind, string> = {
  registrar: 'Domain registrar',
  dns: 'DNS hosting',
  cdn: 'CDN / edge',
  hosting: 'Hosting',
  database: 'Database',
  'email-sending': 'Email sending',
  mailboxes: 'Mailboxes',
  monitoring: 'Monitoring',
  'source-repo': 'Source repository',
  'secrets-manager': 'Secrets manager',
  payments: 'Payments',
  analytics: 'Analytics',
  'error-tracking': 'Error tracking',
  custom: 'Other',
}

/** What each standard system does, said so a founder understands why it matters (default rows, new rows). */
export const SYSTEM_PURPOSE: Record<Exclude<SystemKind, 'custom'>, string> = {
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
  'error-tracking': 'Collects crashes and errors from the site and app; says what broke before customers do.',
}

/** The standard wording for a kind of system, or '' for a custom one. */
export const purposeOf = (system: SystemKind): string => (system === 'custom' ? '' : SYSTEM_PURPOSE[system])
