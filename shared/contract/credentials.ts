import { z } from 'zod'
import { method, none } from './method'

/** Provider kinds a credential can belong to (registrar kinds are prefixed "registrar-"). */
export const CREDENTIAL_PROVIDERS = [
  'cloudflare',
  'registrar-namecheap',
  'registrar-porkbun',
  'registrar-other',
  'vercel',
  'netlify',
  'uptimerobot',
  'betterstack',
  'github',
  'other',
] as const
export type CredentialProvider = (typeof CREDENTIAL_PROVIDERS)[number]
export const CREDENTIAL_OWNERS = ['consultant', 'founder'] as const

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
  rotationDue: string | null
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
  /** Verify with the provider right away (default true when a verifier exists). */
  verify: z.boolean().optional(),
})
export const credentialRotateSchema = credId.extend({ secret })
const listInput = z.object({ engagementId: z.string().max(100).optional() }).strict().optional()

/** Credential methods: the secret goes in (add, rotate) and never comes back out. */
export const credentialMethods = {
  listCredentials: method<typeof listInput, Credential[]>(listInput),
  addCredential: method<typeof credentialAddSchema, Credential>(credentialAddSchema),
  verifyCredential: method<typeof credId, Credential>(credId),
  rotateCredential: method<typeof credentialRotateSchema, Credential>(credentialRotateSchema),
  removeCredential: method<typeof credId, { id: string }>(credId),
  keychainStatus: method<typeof none, KeychainStatus>(none),
}
