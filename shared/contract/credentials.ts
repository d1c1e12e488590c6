import { z } from 'zod'
import { method, none } from './method'

/** Provider kinds a credential can belong to (registrar kinds are prefixed "registrar-"). */
export const CREDENTIAL_PROVIDERS = [
  'cloudflare',
  'registrar-namecheap',
  'registrar-porkbun',
  'registrar-godaddy',
  'registrar-gandi',
  'registrar-other',
  'vercel',
  'netlify',
  'uptimerobot',
  'betterstack',
  'github',
  'stripe',
  'aws',
  'supabase',
  'other',
] as const
export type CredentialProvider = (typeof CREDENTIAL_PROVIDERS)[number]
export const CREDENTIAL_OWNERS = ['consultant', 'founder'] as const

/** Each provider as people name it (the ids are for code and the CLI). */
export const PROVIDER_NAMES: Record<CredentialProvider, string> = {
  cloudflare: 'Cloudflare',
  'registrar-namecheap': 'Namecheap (registrar)',
  'registrar-porkbun': 'Porkbun (registrar)',
  'registrar-godaddy': 'GoDaddy (registrar)',
  'registrar-gandi': 'Gandi (registrar)',
  'registrar-other': 'Another registrar',
  vercel: 'Vercel',
  netlify: 'Netlify',
  uptimerobot: 'UptimeRobot',
  betterstack: 'Better Stack',
  github: 'GitHub',
  stripe: 'Stripe',
  aws: 'AWS',
  supabase: 'Supabase',
  other: 'Other',
}

/** How to make a token that can do what the checks need and nothing more, per provider. */
export const LEAST_PRIVILEGE: Partial<Record<CredentialProvider, string>> = {
  cloudflare: 'My Profile → API Tokens → Create Token → Custom: Zone · Zone · Read, Zone · DNS · Read, Zone · Zone Settings · Read, limited to this zone only. No edit rights unless a runbook needs them.',
  'registrar-namecheap': 'Profile → Tools → Namecheap API Access: enable it, whitelist the one IPv4 address you call from, and use a separate API user if the account has several domains.',
  'registrar-porkbun': 'Account → API Access: create a key pair, then turn API access on for this domain only (Domain Management → the domain → Details).',
  'registrar-godaddy': 'developer.godaddy.com → API Keys: a Production key; GoDaddy keys cannot be scoped, so store it as the founder\'s and rotate it after the handover.',
  'registrar-gandi': 'Account → Authentication options → Personal Access Token: Domains · See and renew, limited to this domain, with an expiry after the sprint.',
  vercel: 'Account Settings → Tokens: scope it to the founder\'s team and set an expiry after the sprint.',
  netlify: 'User settings → Applications → Personal access tokens: set an expiry after the sprint.',
  uptimerobot: 'Integrations & API → Read-Only API Key (the main key can change monitors).',
  betterstack: 'Settings → API tokens: a team token used for reading monitors only.',
  github: 'Settings → Developer settings → Fine-grained tokens: only the product\'s repositories, Contents and Metadata read-only, expiring after the sprint.',
  stripe: 'Developers → API keys → Create restricted key: Read on the resources you check, nothing else. Never the secret key.',
  aws: 'IAM → Users: a user with only the managed ReadOnly policies the checks need (Route 53, CloudFront), no console access.',
  supabase: 'Account → Access Tokens: a personal token used for reading; rotate it after the handover.',
}

/** How a credential made of several parts is written when it is stored (one keychain entry). */
export const SECRET_FORMATS: Partial<Record<CredentialProvider, string>> = {
  'registrar-porkbun': 'APIKEY:SECRETAPIKEY (both keys from porkbun.com/account/api)',
  'registrar-namecheap': 'APIUSER:APIKEY:CLIENTIP (the API user, its key, and the whitelisted IPv4 address you call from)',
  'registrar-godaddy': 'KEY:SECRET (a production API key pair from developer.godaddy.com)',
  'registrar-gandi': 'a personal access token, or apikey:KEY for a legacy API key',
  aws: 'ACCESS_KEY_ID:SECRET_ACCESS_KEY',
}

/** A credential's metadata: never the secret (that stays in the OS keychain). */
export interface Credential {
  id: string
  provider: CredentialProvider
  label: string
  /** The account identity the provider reported at the last verification. */
  identity: string | null
  scopes: string[]
  owner: (typeof CREDENTIAL_OWNERS)[number]
  engagementId: string | null
  createdAt: string
  verifiedAt: string | null
  /** Why the last verification failed, if it did. */
  verifyError: string | null
  /** Next rotation due (YYYY-MM-DD): the last rotation (or creation) plus the period, or a date a person set. */
  rotationDue: string | null
  /** Rotation period in days (a default per provider, editable). */
  rotationDays: number
  /** When the secret was last replaced (null: never since it was added). */
  rotatedAt: string | null
  /** When the credential stops working by itself (a Cloudflare token's expires_on). */
  expiresAt: string | null
  /** A rotation stored offline whose new secret is verified at the next online run. */
  pendingRotation: string | null
  /** The replaced secret is still in the keychain until a live check finds it dead. */
  previousKept: boolean
}

/** One rotation of a stored credential: who, when, why, and how verification went. */
export interface CredentialRotation {
  id: string
  credentialId: string
  provider: string
  label: string
  rotatedAt: string
  by: string
  reason: string
  status: 'verified' | 'pending' | 'failed' | 'unverifiable'
  verifiedAt: string | null
  verifyError: string | null
  oldRevokedAt: string | null
  createdAt: string
}

export type KeychainStatus = { available: true; backend: string } | { available: false; reason: string; docs: string }

const secret = z.string().min(1, 'the secret is empty').max(16_384).refine((s) => s.trim().length > 0, 'the secret is empty')
const credId = z.object({ id: z.string().min(1).max(100) })

export const credentialAddSchema = z.object({
  provider: z.enum(CREDENTIAL_PROVIDERS),
  label: z.string().trim().min(1, 'a label is required').max(200),
  secret,
  engagementId: z.string().min(1).max(100).nullable().optional(),
  owner: z.enum(CREDENTIAL_OWNERS).optional(),
  rotationDue: z.iso.date().nullable().optional(),
  /** Rotation period in days (default: the provider's). */
  rotationDays: z.number().int().min(1).max(3650).optional(),
  /** Verify with the provider right away (default true when a verifier exists). */
  verify: z.boolean().optional(),
})
export const credentialRotateSchema = credId.extend({
  secret,
  /** Who rotated it (default: the OS user). */
  by: z.string().trim().max(200).optional(),
  /** Why: "scheduled", "left the team", "leaked in a commit"… */
  reason: z.string().trim().max(2000).optional(),
  /** Store the new secret without calling the provider; it is verified at the next online run. */
  offline: z.boolean().optional(),
})
export const credentialUpdateSchema = credId.extend({
  label: z.string().trim().min(1).max(200).optional(),
  owner: z.enum(CREDENTIAL_OWNERS).optional(),
  /** The next rotation date; null clears it. */
  rotationDue: z.iso.date().nullable().optional(),
  /** The rotation period in days; the next date follows it unless one is given. */
  rotationDays: z.number().int().min(1).max(3650).optional(),
})
const rotationsInput = z.object({ id: z.string().min(1).max(100).optional(), engagementId: z.string().min(1).max(100).optional() }).strict()
const listInput = z.object({ engagementId: z.string().max(100).optional() }).strict().optional()

/** Credential methods: the secret goes in (add, rotate) and never comes back out. */
export const credentialMethods = {
  listCredentials: method<typeof listInput, Credential[]>(listInput),
  addCredential: method<typeof credentialAddSchema, Credential>(credentialAddSchema),
  verifyCredential: method<typeof credId, Credential>(credId),
  rotateCredential: method<typeof credentialRotateSchema, Credential>(credentialRotateSchema),
  updateCredential: method<typeof credentialUpdateSchema, Credential>(credentialUpdateSchema),
  listCredentialRotations: method<typeof rotationsInput, CredentialRotation[]>(rotationsInput),
  removeCredential: method<typeof credId, { id: string }>(credId),
  keychainStatus: method<typeof none, KeychainStatus>(none),
}
