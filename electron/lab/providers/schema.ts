import { z } from 'zod'
import { registrarAccountSchema, registrarDomainSchema } from './registrars/schema'

/**
 * The scenario's top-level `providers:` section: what each sandbox provider API knows and how it
 * misbehaves. Every part is optional; a missing provider serves an empty account.
 */

const PROVIDERS = ['cloudflare', 'rdap', 'vercel', 'netlify', 'uptimerobot', 'betterstack', 'porkbun', 'namecheap', 'godaddy', 'gandi', 'github', 'stripe', 'aws', 'supabase', 'any'] as const

/** One planted failure, matched by provider, method and a path glob (`*` = one segment, `**` = the rest). */
export const faultSchema = z.strictObject({
  provider: z.enum(PROVIDERS).default('any'),
  /** Path below the provider's prefix, e.g. `/zones/*` or `/v9/projects/**`; absent = every path. */
  path: z.string().optional(),
  method: z.enum(['GET', 'POST']).optional(),
  /** HTTP status to answer with (401, 403, 404, 429, 500, 503...). */
  status: z.number().int().min(200).max(599).optional(),
  /** Seconds for a Retry-After header (429/503). */
  retryAfter: z.number().int().min(0).max(3600).optional(),
  /** `invalid-json`: a 200 with a truncated body; `hang`: never answer; `reset`: drop the connection. */
  kind: z.enum(['status', 'invalid-json', 'hang', 'reset']).default('status'),
  /** Extra delay before answering. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** Apply to the first N matching requests only (then the endpoint recovers); absent = always. */
  times: z.number().int().min(1).optional(),
})
export type FaultSpec = z.infer<typeof faultSchema>

const settingsSchema = z.strictObject({
  ssl: z.enum(['off', 'flexible', 'full', 'strict']).default('strict'),
  always_use_https: z.enum(['on', 'off']).default('on'),
  min_tls_version: z.enum(['1.0', '1.1', '1.2', '1.3']).default('1.2'),
  automatic_https_rewrites: z.enum(['on', 'off']).default('on'),
  security_level: z.enum(['off', 'essentially_off', 'low', 'medium', 'high', 'under_attack']).default('medium'),
  waf: z.enum(['on', 'off']).default('on'),
})

const cfRecordSchema = z.strictObject({
  type: z.enum(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'CAA']),
  /** Relative (`www`, `@`) or absolute name. */
  name: z.string().min(1),
  content: z.string().min(1),
  proxied: z.boolean().default(false),
  ttl: z.number().int().min(1).default(1),
  priority: z.number().int().min(0).optional(),
  comment: z.string().optional(),
})

const cfRuleSchema = z.strictObject({
  description: z.string().optional(),
  expression: z.string().min(1),
  action: z.string().min(1),
  action_parameters: z.record(z.string(), z.unknown()).optional(),
  ratelimit: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().default(true),
})

const cfRulesetSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  kind: z.enum(['zone', 'managed', 'custom', 'root']).default('zone'),
  phase: z.string().min(1),
  rules: z.array(cfRuleSchema).default([]),
})

const cfZoneSchema = z.strictObject({
  /** Defaults to the scenario's primary domain. */
  name: z.string().min(1).optional(),
  status: z.enum(['active', 'pending', 'initializing', 'moved', 'deleted', 'deactivated']).default('active'),
  paused: z.boolean().default(false),
  nameServers: z.array(z.string()).default(['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com']),
  originalNameServers: z.array(z.string()).default([]),
  plan: z.string().default('Free Website'),
  settings: settingsSchema.default(settingsSchema.parse({})),
  records: z.array(cfRecordSchema).default([]),
  rulesets: z.array(cfRulesetSchema).default([]),
})

const cfMemberSchema = z.strictObject({
  email: z.string().min(3),
  name: z.string().optional(),
  roles: z.array(z.string()).min(1),
  status: z.enum(['accepted', 'pending']).default('accepted'),
  /** Whether the member's user signs in with two factors. */
  twoFactor: z.boolean().default(false),
})

const cfTokenSchema = z.strictObject({
  status: z.enum(['active', 'disabled', 'expired']).default('active'),
  expiresOn: z.string().optional(),
  /** Permission group names per resource scope; served at GET /user/tokens/:id. */
  policies: z
    .array(z.strictObject({ effect: z.enum(['allow', 'deny']).default('allow'), permissionGroups: z.array(z.string()).min(1), resources: z.record(z.string(), z.string()).default({}) }))
    .optional(),
})

export const cloudflareSchema = z.strictObject({
  account: z.strictObject({ name: z.string().default('Launch Co'), id: z.string().optional() }).default({ name: 'Launch Co' }),
  token: cfTokenSchema.default(cfTokenSchema.parse({})),
  /** The roles the token's own user holds (GET /memberships). */
  membershipRoles: z.array(z.string()).default(['Administrator']),
  members: z.array(cfMemberSchema).default([]),
  zones: z.array(cfZoneSchema).optional(),
  /** The token's own user (GET /user); absent: the token may not read it (403). */
  user: z.strictObject({ email: z.string().min(3), twoFactor: z.boolean().default(false) }).optional(),
  /** Domains registered at Cloudflare Registrar in this account (GET /accounts/:id/registrar/registrations). */
  registrations: z.array(registrarDomainSchema).optional(),
  /** The account's "enforce two-factor for all members" setting. */
  enforceTwoFactor: z.boolean().default(false),
})

export const rdapDomainSchema = z.strictObject({
  name: z.string().min(1).optional(),
  registrar: z.strictObject({ name: z.string(), ianaId: z.string().default('9999'), abuseEmail: z.string().optional() }).default({ name: 'Lab Registrar, Inc.', ianaId: '9999' }),
  /** The registrant organisation the registry publishes (absent: redacted for privacy). */
  registrant: z.string().min(1).optional(),
  registeredDaysAgo: z.number().int().min(0).default(900),
  /** Days until expiry (negative: already expired). */
  expiresInDays: z.number().int().default(400),
  status: z.array(z.string()).default(['client transfer prohibited', 'client delete prohibited', 'client update prohibited']),
  nameservers: z.array(z.string()).optional(),
  dnssec: z.boolean().default(false),
})

const vercelProjectSchema = z.strictObject({
  name: z.string().min(1),
  framework: z.string().default('nextjs'),
  productionBranch: z.string().default('main'),
  domains: z.array(z.union([z.string(), z.strictObject({ name: z.string(), verified: z.boolean().default(true), redirect: z.string().optional() })])).default([]),
  deployments: z.array(z.strictObject({ state: z.enum(['READY', 'ERROR', 'BUILDING', 'QUEUED', 'CANCELED']), branch: z.string().optional(), hoursAgo: z.number().min(0).optional(), target: z.enum(['production', 'preview']).default('production') })).default([]),
  env: z.array(z.strictObject({ key: z.string().min(1), type: z.enum(['plain', 'encrypted', 'sensitive', 'secret', 'system']).default('encrypted'), target: z.array(z.enum(['production', 'preview', 'development'])).default(['production', 'preview', 'development']) })).default([]),
})

const netlifySiteSchema = z.strictObject({
  name: z.string().min(1),
  accountSlug: z.string().default('launch-co'),
  customDomain: z.string().optional(),
  domainAliases: z.array(z.string()).default([]),
  repoBranch: z.string().default('main'),
  deploys: z.array(z.strictObject({ state: z.enum(['ready', 'error', 'building', 'enqueued', 'new']), context: z.enum(['production', 'deploy-preview', 'branch-deploy']).default('production'), branch: z.string().optional(), hoursAgo: z.number().min(0).optional() })).default([]),
  env: z.array(z.strictObject({ key: z.string().min(1), isSecret: z.boolean().default(false), scopes: z.array(z.string()).default(['builds', 'functions', 'runtime', 'post_processing']), contexts: z.array(z.enum(['all', 'production', 'deploy-preview', 'branch-deploy', 'dev'])).default(['all']) })).default([]),
})

const uptimeMonitorSchema = z.strictObject({
  name: z.string().min(1),
  url: z.string().min(1),
  type: z.enum(['http', 'keyword', 'ping', 'port']).default('http'),
  paused: z.boolean().default(false),
  /** Ids of alert contacts notified. */
  alertContacts: z.array(z.string()).default([]),
  sslExpiryReminder: z.boolean().default(false),
  interval: z.number().int().min(30).default(300),
})

const betterMonitorSchema = z.strictObject({
  name: z.string().min(1),
  url: z.string().min(1),
  type: z.enum(['status', 'keyword', 'expected_status_code', 'ping', 'tcp']).default('status'),
  paused: z.boolean().default(false),
  email: z.boolean().default(true),
  sms: z.boolean().default(false),
  call: z.boolean().default(false),
  push: z.boolean().default(false),
  /** Days before certificate expiry to alert; null = off. */
  sslExpiration: z.number().int().nullable().default(null),
  policyId: z.string().nullable().default(null),
})

export const providersSchema = z.strictObject({
  /** Delay added to every provider response (ms). */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  faults: z.array(faultSchema).default([]),
  cloudflare: cloudflareSchema.optional(),
  rdap: z.strictObject({ domains: z.array(rdapDomainSchema).default([]) }).optional(),
  vercel: z.strictObject({ user: z.string().default('founder@example.com'), projects: z.array(vercelProjectSchema).default([]) }).optional(),
  netlify: z.strictObject({ user: z.string().default('founder@example.com'), sites: z.array(netlifySiteSchema).default([]) }).optional(),
  uptimerobot: z
    .strictObject({
      email: z.string().default('founder@example.com'),
      monitors: z.array(uptimeMonitorSchema).default([]),
      alertContacts: z.array(z.strictObject({ id: z.string(), name: z.string(), type: z.enum(['email', 'sms', 'slack', 'webhook']).default('email'), value: z.string().default('founder@example.com') })).default([]),
    })
    .optional(),
  betterstack: z.strictObject({ monitors: z.array(betterMonitorSchema).default([]) }).optional(),
  /** Registrar accounts (each API's own shapes; see docs/lab-scenarios.md). */
  porkbun: registrarAccountSchema.optional(),
  namecheap: registrarAccountSchema.optional(),
  godaddy: registrarAccountSchema.optional(),
  gandi: registrarAccountSchema.optional(),
  /** Accounts whose keys the vault verifies (rotation runbooks): who the key belongs to. */
  github: z.strictObject({ login: z.string().default('founder'), email: z.string().default('founder@example.com') }).optional(),
  stripe: z.strictObject({ account: z.string().default('Launch Co'), email: z.string().default('founder@example.com') }).optional(),
  aws: z.strictObject({ account: z.string().regex(/^\d{12}$/).default('123456789012'), user: z.string().default('handover-audit') }).optional(),
  supabase: z.strictObject({ projects: z.array(z.string()).default(['launch-co']) }).optional(),
})

/** The `providers:` section after defaults. */
export type ProvidersSpec = z.output<typeof providersSchema>
export type ProvidersInput = z.input<typeof providersSchema>
export type CloudflareSpec = z.output<typeof cloudflareSchema>
export type RdapDomainSpec = z.output<typeof rdapDomainSchema>
