import type { ConsultantDetails, ConsultantIdentity } from '@shared/contract/identity'
import { toErrorInfo, type Transport } from '../transport/types'
import { loadOnUse } from '../lib/loadOnUse'
import type { SliceApi } from './types'
import type { IdentityField, IdentityErrors, IdentityState, IdentityActions } from './types/identity'

export type { IdentityField, IdentityErrors, IdentityState, IdentityActions } from './types/identity'

export const initialIdentity: IdentityState = { identity: undefined, errors: {}, busy: null, error: null }

/** The form's starting values: the identity's details, or empty fields. */
export function identityDraft(id: ConsultantIdentity | null | undefined): ConsultantDetails {
  return { name: id?.name ?? '', email: id?.email ?? '', organisation: id?.organisation ?? '', website: id?.website ?? '' }
}

/** Issues by field, for the form (the same schema core validates with). */
export function identityErrors(issues: { path: (string | number)[]; message: string }[]): IdentityErrors {
  const out: IdentityErrors = {}
  for (const i of issues) {
    const f = String(i.path[0] ?? 'form')
    const field: IdentityField = f === 'name' || f === 'email' || f === 'organisation' || f === 'website' ? f : 'form'
    out[field] = out[field] ? `${out[field]}; ${i.message}` : i.message
  }
  return out
}

type Api = SliceApi

/** Store actions for the consultant's identity. */
export function identityActions(transport: Transport, set: Api['setState'], get: Api['getState']): IdentityActions {
  const patch = (f: (s: IdentityState) => IdentityState) => set((s) => ({ identity: f(s.identity) }))
  return {
    async loadIdentity() {
      try {
        const identity = await transport.call('signingIdentity')
        patch((s) => ({ ...s, identity, error: null }))
      } catch (e) {
        patch((s) => ({ ...s, identity: s.identity ?? null, error: toErrorInfo(e) }))
      }
    },
    async saveIdentity(details) {
      // the schema (zod) loads with the first save, not with the app
      const schemas = await loadOnUse(() => import('@shared/contract/identity'))
      if (!schemas.ok) {
        patch((s) => ({ ...s, error: schemas.error }))
        return false
      }
      const parsed = schemas.value.consultantDetailsSchema.safeParse(details)
      if (!parsed.success) {
        patch((s) => ({ ...s, errors: identityErrors(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }))) }))
        return false
      }
      patch((s) => ({ ...s, busy: 'save', errors: {}, error: null }))
      try {
        const identity = await transport.call('saveSigningIdentity', parsed.data)
        patch((s) => ({ ...s, busy: null, identity }))
        get().toast({ kind: 'success', title: 'Identity saved', detail: `Bundles are signed by ${identity.name}, key ${identity.fingerprint.slice(0, 8)}…` })
        return true
      } catch (e) {
        const info = toErrorInfo(e)
        patch((s) => ({ ...s, busy: null, errors: info.issues ? identityErrors(info.issues.map((i) => ({ path: i.path.split('.'), message: i.message }))) : {}, error: info.issues ? null : info }))
        return false
      }
    },
    async rekeyIdentity(reason) {
      patch((s) => ({ ...s, busy: 'rekey', error: null }))
      try {
        const { engagements, ...identity } = await transport.call('rekeySigningIdentity', { confirm: true, reason })
        patch((s) => ({ ...s, busy: null, identity }))
        get().toast({ kind: 'success', title: 'New signing key made', detail: `Recorded in ${engagements} engagement${engagements === 1 ? '' : 's'}. Send founders the new fingerprint.` })
        return true
      } catch (e) {
        patch((s) => ({ ...s, busy: null, error: toErrorInfo(e) }))
        return false
      }
    },
  }
}
