import { z } from 'zod'
import type { SystemKind } from './handover'
import { method } from './method'

const ref = z.string().min(1).max(100)

/** Where a check saw a secret exposed. */
export type ExposureSource = 'env-file' | 'site-bundle' | 'repo-history' | 'repo-tree' | 'public-env'

/**
 * A secret a check saw exposed at any point in the engagement, found in the whole result
 * history (not only the latest run): it stays a "rotate now" action until a rotation is
 * recorded after it was last seen. Names and masked prefixes only, never a value.
 */
export interface Exposure {
  /** Stable key a rotation is recorded against, e.g. "env-file:STRIPE_SECRET_KEY". */
  key: string
  /** What to rotate, as a person reads it: a variable name or "Stripe live secret key (sk_l…)". Never the value. */
  name: string
  source: ExposureSource
  /** Where it was seen, in a sentence: "served at https://acme.example/.env". */
  where: string
  /** The inventory system it belongs to, and the provider where it is rotated. */
  system: SystemKind
  provider: string
  firstSeen: string
  lastSeen: string
  /** The latest run still sees it exposed. */
  stillExposed: boolean
  /** The rotation that settles it, if one was recorded after it was last seen (history: any). */
  rotation: { at: string; by: string; note: string } | null
}

export const rotationSchema = z.object({
  engagementId: ref,
  /** One exposure key from listExposures. */
  key: z.string().min(3).max(300),
  by: z.string().trim().min(1, 'who rotated it?').max(200),
  note: z.string().trim().max(2000).default(''),
  /** When it was rotated (default: now). */
  rotatedAt: z.string().min(8).max(40).optional(),
})

/** Exposed secrets and their rotations. */
export const exposureMethods = {
  listExposures: method<z.ZodObject<{ engagementId: typeof ref }>, Exposure[]>(z.object({ engagementId: ref })),
  recordRotation: method<typeof rotationSchema, Exposure[]>(rotationSchema),
}
