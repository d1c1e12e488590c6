import type { Credential } from '@shared/contract/credentials'
import { toErrorInfo, type Transport } from '../transport/types'
import type { SliceApi } from './types'
import type { VaultState, VaultActions } from './types/vault'

export type { VaultState, NewCredential, VaultActions } from './types/vault'

/** The provider's reason without core's "verification failed: " prefix, which the title already says. */
export function withoutPrefix(message: string): string {
  const m = message.replace(/^verification failed:\s*/i, '')
  return m ? m[0]!.toUpperCase() + m.slice(1) : m
}

export const initialVault: VaultState = { engagementId: null, items: null, keychain: null, error: null, formError: null, busy: false }

/** Insert or replace one credential, keeping the list sorted by label. */
export function upsertCredential(items: Credential[] | null, c: Credential): Credential[] {
  return [...(items ?? []).filter((x) => x.id !== c.id), c].sort((a, b) => a.label.localeCompare(b.label))
}

/** Whether a credential's rotation date has passed or is within 14 days (one rule, in shared/). */
export { rotationState } from '@shared/rotation'

type Api = SliceApi

/** Store actions of the vault screen. Secrets go to core and are never kept in the store. */
export function vaultActions(transport: Transport, set: Api['setState'], get: Api['getState']): VaultActions {
  const patch = (f: (v: VaultState) => VaultState) => set((s) => ({ vault: f(s.vault) }))
  const saved = (c: Credential) => patch((v) => ({ ...v, items: upsertCredential(v.items, c), busy: false, formError: null }))
  return {
    async loadVault(engagementId) {
      patch((v) => ({ ...v, engagementId, items: v.engagementId === engagementId ? v.items : null, error: null }))
      try {
        const keychain = await transport.call('keychainStatus')
        patch((v) => ({ ...v, keychain }))
        const items = await transport.call('listCredentials', { engagementId })
        patch((v) => (v.engagementId === engagementId ? { ...v, items } : v))
      } catch (e) {
        patch((v) => ({ ...v, items: v.items ?? [], error: toErrorInfo(e) }))
      }
    },
    async addVaultCredential(input) {
      const engagementId = get().vault.engagementId
      patch((v) => ({ ...v, busy: true, formError: null }))
      try {
        const c = await transport.call('addCredential', {
          provider: input.provider,
          label: input.label,
          secret: input.secret,
          engagementId,
          owner: input.owner,
          rotationDue: input.rotationDue || null,
        })
        saved(c)
        // stored either way (the keychain has it), but a secret the provider refused is not "saved" as if it worked
        get().toast(
          c.verifyError
            ? { kind: 'error', title: `${c.label} is stored but did not verify`, detail: `${withoutPrefix(c.verifyError)}. Check the token, then Rotate it, or Remove it.` }
            : { kind: 'success', title: `Saved and verified ${c.label}`, detail: c.identity ?? undefined },
        )
        return true
      } catch (e) {
        patch((v) => ({ ...v, busy: false, formError: toErrorInfo(e) }))
        return false
      }
    },
    async verifyVaultCredential(id) {
      try {
        const c = await transport.call('verifyCredential', { id })
        saved(c)
        get().toast(c.verifyError ? { kind: 'error', title: `${c.label} did not verify`, detail: c.verifyError } : { kind: 'success', title: `${c.label} verified`, detail: c.identity ?? undefined })
      } catch (e) {
        get().toast({ kind: 'error', title: 'Verification failed', detail: withoutPrefix(toErrorInfo(e).message) })
      }
    },
    async rotateVaultCredential(id, secret, o = {}) {
      patch((v) => ({ ...v, busy: true, formError: null }))
      try {
        const c = await transport.call('rotateCredential', { id, secret, ...o })
        saved(c)
        if (c.pendingRotation) get().toast({ kind: 'info', title: `${c.label}: new secret stored, pending verification`, detail: 'It is verified at the next online run.' })
        else await get().verifyVaultCredential(id)
        return true
      } catch (e) {
        patch((v) => ({ ...v, busy: false, formError: toErrorInfo(e) }))
        return false
      }
    },
    async scheduleVaultCredential(id, p) {
      try {
        saved(await transport.call('updateCredential', { id, ...p }))
        return true
      } catch (e) {
        get().toast({ kind: 'error', title: 'Could not change the rotation date', detail: toErrorInfo(e).message })
        return false
      }
    },
    async removeVaultCredential(id) {
      try {
        await transport.call('removeCredential', { id })
        patch((v) => ({ ...v, items: (v.items ?? []).filter((x) => x.id !== id) }))
        get().toast({ kind: 'success', title: 'Credential removed from the keychain' })
      } catch (e) {
        get().toast({ kind: 'error', title: 'Could not remove the credential', detail: toErrorInfo(e).message })
      }
    },
    clearVaultFormError: () => patch((v) => ({ ...v, formError: null })),
  }
}
