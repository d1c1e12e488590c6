import { z } from 'zod'
import { method, none } from './method'
import type { IdentityInfo } from './handover'
import { normalizeFingerprint } from '../fingerprint'

/** One line of text a person typed: no control characters (it goes into certificates, the PDF and VERIFY.txt lines). */
export const lineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'one line of text, without control characters')

/** An email address, as the certificate, the PDF and an acceptance print it. */
export const emailText = z.string().trim().max(254).email('an email address')

/** The consultant's details, set once in Settings or `handover identity set`. */
export const consultantDetailsSchema = z.object({
  name: lineText(200).min(1, 'your name'),
  email: emailText,
  organisation: lineText(200).min(1, 'your organisation (your own name when you work alone)'),
  website: z
    .union([z.literal(''), z.string().trim().max(500).url('a full URL').regex(/^https?:\/\//i, 'an http(s) address')])
    .default(''),
})
export type ConsultantDetails = z.output<typeof consultantDetailsSchema>

/** An explicit re-key: the person confirmed it and said why (recorded with the new key). */
export const rekeySchema = z.object({
  confirm: z.literal(true, 'confirm the re-key: bundles you signed before keep the old fingerprint'),
  reason: lineText(500).min(1, 'why the key is replaced (e.g. "laptop lost")'),
})

/** A fingerprint field: the one format after normalising what a person pasted (shared/fingerprint.ts). */
export const fingerprintField = z.string().max(300).transform((s, ctx) => {
  const fp = normalizeFingerprint(s)
  if (!fp) {
    ctx.addIssue({ code: 'custom', message: 'a key fingerprint is 64 hex digits (SHA-256 of the public key)' })
    return z.NEVER
  }
  return fp
})

/** One event in the life of the consultant's key: made, or replaced by another. */
export interface KeyEvent {
  event: 'created' | 'rekeyed'
  fingerprint: string
  /** The key it replaced (rekeyed only). */
  previous: string | null
  reason: string
  at: string
}

/** The consultant's identity: details, the key's fingerprint, and the key's history. */
export interface ConsultantIdentity extends IdentityInfo {
  /** False for an identity made before details could be set (named after the OS user): set them before signing. */
  confirmed: boolean
  keys: KeyEvent[]
}

/** The consultant's signing identity: who signs every bundle and chain head. */
export const identityMethods = {
  /** The consultant's identity, or null before it is set. */
  signingIdentity: method<typeof none, ConsultantIdentity | null>(none),
  /** Set (or change) the consultant's details; the first time also makes the key pair in the keychain. */
  saveSigningIdentity: method<typeof consultantDetailsSchema, ConsultantIdentity>(consultantDetailsSchema),
  /** Replace the key pair (explicit, recorded; engagements it signed get an evidence item). */
  rekeySigningIdentity: method<typeof rekeySchema, ConsultantIdentity & { engagements: number }>(rekeySchema),
}
