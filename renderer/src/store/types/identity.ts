import type { ConsultantDetails, ConsultantIdentity } from '@shared/contract/identity'
import type { ErrorInfo } from '@shared/errors'

export type IdentityField = keyof ConsultantDetails | 'form'

export type IdentityErrors = Partial<Record<IdentityField, string>>

/** The consultant's identity as Settings and the handover screen show it. */
export interface IdentityState {
  /** undefined until loaded; null when none was set yet. */
  identity: ConsultantIdentity | null | undefined
  errors: IdentityErrors
  busy: 'save' | 'rekey' | null
  error: ErrorInfo | null
}

export interface IdentityActions {
  loadIdentity(): Promise<void>
  /** Save the details (the first save also makes the key pair); false when the form has errors. */
  saveIdentity(details: ConsultantDetails): Promise<boolean>
  /** Replace the key pair, confirmed, with a reason; false when it did not happen. */
  rekeyIdentity(reason: string): Promise<boolean>
}
