import type { FormErrors } from '../lib/formErrors'

/*
 * The rules the forms check before saving, so every error shows at once (the contract checks
 * again in main). One function per form; each returns all of its errors.
 */

/** The waiver form's fields, as the contract names them. */
export const WAIVER_FIELDS = ['reason', 'acceptedBy', 'expiresAt'] as const
export type WaiverErrors = FormErrors<(typeof WAIVER_FIELDS)[number]>

/** Every reason the waiver cannot be saved yet, at once (the contract's own rules, said plainly). */
export function waiverErrors(reason: string, by: string, expires: string): WaiverErrors {
  const out: WaiverErrors = {}
  if (reason.trim().length < 5) out.reason = 'Say why the risk is accepted (at least a few words).'
  if (!by.trim()) out.acceptedBy = 'Say who accepted the risk.'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expires)) out.expiresAt = 'Give the date the waiver ends.'
  return out
}


/** The add-credential form's fields, as the contract names them. */
export const CREDENTIAL_FIELDS = ['provider', 'label', 'secret', 'owner', 'rotationDue'] as const
export type CredentialErrors = FormErrors<(typeof CREDENTIAL_FIELDS)[number]>

/** Every reason the credential cannot be stored yet, at once. */
export function credentialErrors(label: string, secret: string, rotationDue: string): CredentialErrors {
  const out: CredentialErrors = {}
  if (!label.trim()) out.label = 'Give it a label you will recognise, like “Cloudflare DNS read”.'
  if (!secret.trim()) out.secret = 'Paste the secret.'
  if (rotationDue && !/^\d{4}-\d{2}-\d{2}$/.test(rotationDue)) out.rotationDue = 'Give a date, or leave it empty.'
  return out
}

/** Every reason a manual item's verdict cannot be recorded yet: a choice, and a note or a file. */
export function verdictErrors(verdict: 'pass' | 'fail' | null, note: string, files: number): FormErrors<'verdict' | 'note'> {
  const out: FormErrors<'verdict' | 'note'> = {}
  if (!verdict) out.verdict = 'Choose Pass or Fail.'
  if (!note.trim() && files === 0) out.note = 'Add a note or attach a file: say what you checked, or show it.'
  return out
}
