import { z } from 'zod'
import { method } from './method'
import { emailText, fingerprintField, lineText } from './identity'
import { SYSTEM_KINDS } from '../systems'

export { SYSTEM_KINDS, SYSTEM_PURPOSE, SYSTEM_TITLES, purposeOf, type SystemKind } from '../systems'

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
  signer: BundleSigner
}

export interface VerifyItem {
  name: string
  ok: boolean
  detail: string
}

/** Who signed a bundle, as its manifest says (the key is checked against signer.pub.pem). */
export interface BundleSigner {
  name: string
  email: string
  organisation: string
  website: string
  /** SHA-256 of signer.pub.pem's public key DER: the one format (shared/fingerprint.ts). */
  fingerprint: string
}

/** The handover screen's summary before building: the PDF's verdict if built now, and what is behind it. */
export interface HandoverReadiness {
  ready: boolean
  /** The verdict in the PDF's words, e.g. "Not ready to launch: 2 launch blockers open". */
  headline: string
  /** Open launch blockers, in fix order. */
  launchBlockers: { itemId: string; title: string }[]
  /** Items to improve: passing with warnings, or open and not launch blockers. */
  attention: number
  /** Risks accepted by a waiver. */
  waived: number
  /** The sprint's state; 'none' when no sprint started (the PDF then reports the default plan). */
  sprint: 'none' | 'running' | 'finished' | 'time-up'
}

/** A founder's acceptance (countersignature) found beside a bundle, checked. */
export interface Acceptance {
  /** The files' common stem, e.g. acceptance-3f2a9c01d4e5b6a7. */
  stem: string
  name: string
  email: string
  acceptedAt: string
  /** SHA-256 of the founder's public key DER. */
  fingerprint: string
  ok: boolean
  detail: string
}

export interface VerifyReport {
  ok: boolean
  bundle: string
  items: VerifyItem[]
  /** Who the manifest says signed it; null when the manifest cannot be read. */
  signer: BundleSigner | null
  /** The fingerprint the bundle was required to be signed with, if one was given. */
  expected: string | null
  /** Founders' acceptances beside the bundle, each checked against this manifest. */
  acceptances: Acceptance[]
}

export interface IdentityInfo {
  role: 'consultant' | 'founder'
  name: string
  email: string
  organisation: string
  website: string
  /** SHA-256 of the Ed25519 public key (SPKI DER), hex. */
  fingerprint: string
  certFingerprint: string | null
  createdAt: string
}

/** One file of a bundle, read for the UI (the page preview, a download). */
export interface BundleFileData {
  /** The path asked for, relative to the bundle folder (or the zip's file name). */
  path: string
  size: number
  base64: string
}

/** Where a bundle lives, and whether this shell can open its folder and save copies natively. */
export interface BundlePlace {
  name: string
  dir: string
  zip: string
  zipSize: number
  /** True in Electron (native folder and save dialogs); false in browser mode. */
  desktop: boolean
}

/** What a native action answers in browser mode, where there is no OS shell to ask. */
export interface Unsupported {
  unsupported: true
}

const idRef = z.object({ id: z.string().min(1).max(100) })
const engagementRef = z.object({ engagementId: z.string().min(1).max(100) })
/** A bundle folder name under the workspace's bundles/ folder (the UI never passes a path). */
const bundleName = z.string().regex(/^\w[\w.-]{0,199}$/, 'a bundle folder name')
const bundleRef = z.object({ name: bundleName })
/** A bundle of one engagement: the engagement must own it (its manifest names the domain). */
const engagementBundle = engagementRef.extend({ bundle: bundleName })
/** A file inside that bundle's folder, relative to it; core confines it (no .., no links out). */
const bundleFileInput = engagementBundle.extend({ path: z.string().min(1).max(500) })
const verifyInput = bundleRef.extend({ expectFingerprint: z.union([z.literal('').transform(() => undefined), fingerprintField]).optional() })
/** The founder accepts on this machine: their key is made here and kept in this machine's keychain. */
const countersignInput = bundleRef.extend({
  founderName: lineText(200).min(1, "the founder's name"),
  founderEmail: emailText,
  founderPresent: z.literal(true, 'the founder signs on this machine: confirm they are here'),
})
/**
 * A founder's returned acceptance files, read in the renderer: names and sizes are bounded here
 * (an acceptance's parts are a few KB), and checked again, and for what they hold, in core.
 */
const addAcceptanceInput = engagementBundle.extend({
  files: z
    .array(z.object({ name: z.string().min(1).max(200), dataBase64: z.string().max(8192, 'an acceptance file is a few KB at most') }))
    .min(1, "choose the founder's acceptance files")
    .max(3, 'an acceptance is three files'),
})

/** Access inventory, handover bundle, verification and identity methods. */
export const handoverMethods = {
  listInventory: method<typeof engagementRef, InventoryEntry[]>(engagementRef),
  saveInventoryEntry: method<typeof inventorySaveSchema, InventoryEntry>(inventorySaveSchema),
  removeInventoryEntry: method<typeof idRef, { id: string }>(idRef),
  importInventory: method<typeof inventoryImportSchema, InventoryEntry[]>(inventoryImportSchema),
  prefillInventory: method<typeof engagementRef, InventoryEntry[]>(engagementRef),
  /** The verdict the PDF would open with if built now, and what is behind it. */
  handoverReadiness: method<typeof engagementRef, HandoverReadiness>(engagementRef),
  createBundle: method<typeof engagementRef, BundleInfo>(engagementRef),
  listBundles: method<typeof engagementRef, { name: string; createdAt: string }[]>(engagementRef),
  /** Every hash and signature; with expectFingerprint, also that this key signed it. */
  verifyBundle: method<typeof verifyInput, VerifyReport>(verifyInput),
  /** The founder's acceptance: their own key signs the manifest's hash, their name, email and the date. */
  countersignBundle: method<typeof countersignInput, Acceptance>(countersignInput),
  /** Bring a founder's returned acceptance-… files into the bundle's folder (only if it holds for this bundle), then verify it. */
  addAcceptance: method<typeof addAcceptanceInput, { acceptance: Acceptance; report: VerifyReport }>(addAcceptanceInput),
  /** One file of a bundle (e.g. handover.pdf for the page preview), size-capped. */
  readBundleFile: method<typeof bundleFileInput, BundleFileData>(bundleFileInput),
  /** The bundle's zip (browser mode's "Download .zip"), size-capped. */
  readBundleZip: method<typeof engagementBundle, BundleFileData>(engagementBundle),
  /** The bundle's folder and zip paths, and whether native open/save is available. */
  bundlePlace: method<typeof engagementBundle, BundlePlace>(engagementBundle),
  /** Electron: show the bundle folder in the OS file manager. */
  openBundleFolder: method<typeof engagementBundle, { opened: true } | Unsupported>(engagementBundle),
  /** Electron: a native save dialog, then a copy of the zip there (savedTo null when cancelled). */
  saveBundleCopy: method<typeof engagementBundle, { savedTo: string | null } | Unsupported>(engagementBundle),
}
