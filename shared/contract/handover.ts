import { z } from 'zod'
import { method } from './method'

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
  'custom',
] as const
export type SystemKind = (typeof SYSTEM_KINDS)[number]

const text = (max: number) => z.string().trim().max(max)
const isoDate = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')])

/** The editable fields of one access-inventory row. Never a credential: only where it lives. */
export const inventoryFieldsSchema = z.object({
  system: z.enum(SYSTEM_KINDS),
  name: text(200).default(''),
  purpose: text(1000).default(''),
  loginUrl: z.union([z.literal(''), z.string().trim().url('login URL must be a full URL').max(500)]).default(''),
  ownerAccount: text(200).default(''),
  admins: z.array(text(200)).max(50).default([]),
  twoFactor: z.enum(['on', 'off', 'unknown']).default('unknown'),
  recovery: text(500).default(''),
  credentialLocation: text(300).default(''),
  rotatedBy: text(200).default(''),
  nextRotation: isoDate.default(''),
  notes: text(2000).default(''),
})

export const inventorySaveSchema = inventoryFieldsSchema.extend({
  engagementId: z.string().min(1).max(100),
  /** Omit to add a row; give it to replace that row. */
  id: z.string().min(1).max(100).optional(),
})

export const inventoryImportSchema = z.object({
  engagementId: z.string().min(1).max(100),
  entries: z.array(inventoryFieldsSchema.extend({ id: z.string().max(100).optional() })).max(500),
  /** Replace the whole inventory instead of merging by system + name. */
  replace: z.boolean().default(false),
})

export type InventoryFields = z.output<typeof inventoryFieldsSchema>
export type InventorySource = 'default' | 'manual' | 'evidence' | 'import'

export interface InventoryEntry extends InventoryFields {
  id: string
  engagementId: string
  source: InventorySource
  updatedAt: string
}

export interface BundleInfo {
  dir: string
  zip: string
  files: { path: string; sha256: string; size: number }[]
  signer: { name: string; fingerprint: string }
}

export interface VerifyItem {
  name: string
  ok: boolean
  detail: string
}

export interface VerifyReport {
  ok: boolean
  bundle: string
  items: VerifyItem[]
}

export interface IdentityInfo {
  role: 'consultant' | 'founder'
  name: string
  email: string
  /** SHA-256 of the Ed25519 public key (SPKI DER), hex. */
  fingerprint: string
  certFingerprint: string | null
  createdAt: string
}

const idRef = z.object({ id: z.string().min(1).max(100) })
const noInput = z.object({}).strict().optional()
const engagementRef = z.object({ engagementId: z.string().min(1).max(100) })
/** A bundle folder name under the workspace's bundles/ folder (the UI never passes a path). */
const bundleRef = z.object({ name: z.string().regex(/^\w[\w.-]{0,199}$/, 'a bundle folder name') })
const countersignInput = bundleRef.extend({ founderName: z.string().trim().min(1).max(200), founderEmail: z.union([z.literal(''), z.string().trim().email()]).default('') })

/** Access inventory, handover bundle, verification and identity methods. */
export const handoverMethods = {
  listInventory: method<typeof engagementRef, InventoryEntry[]>(engagementRef),
  saveInventoryEntry: method<typeof inventorySaveSchema, InventoryEntry>(inventorySaveSchema),
  removeInventoryEntry: method<typeof idRef, { id: string }>(idRef),
  importInventory: method<typeof inventoryImportSchema, InventoryEntry[]>(inventoryImportSchema),
  prefillInventory: method<typeof engagementRef, InventoryEntry[]>(engagementRef),
  createBundle: method<typeof engagementRef, BundleInfo>(engagementRef),
  listBundles: method<typeof engagementRef, { name: string; createdAt: string }[]>(engagementRef),
  verifyBundle: method<typeof bundleRef, VerifyReport>(bundleRef),
  /** The founder's acceptance: their own keychain key signs the bundle's manifest. */
  countersignBundle: method<typeof countersignInput, IdentityInfo>(countersignInput),
  signingIdentity: method<typeof noInput, IdentityInfo | null>(noInput),
}
