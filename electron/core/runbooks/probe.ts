import type { Credential } from '@shared/contract/credentials'
import type { NetworkProfile } from '../net/profile'
import type { CredentialService } from '../vault/service'
import type { ProbeCredential } from './runner'

/** The engagement's credential of a provider (the most recently rotated), else an unattached one. */
export function credentialFor(list: Credential[], provider: string, engagementId: string): Credential | undefined {
  const mine = list.filter((c) => c.provider === provider && (c.engagementId === engagementId || c.engagementId === null))
  const newest = (xs: Credential[]) => [...xs].sort((a, b) => (b.rotatedAt ?? b.createdAt).localeCompare(a.rotatedAt ?? a.createdAt))[0]
  return newest(mine.filter((c) => c.engagementId === engagementId)) ?? newest(mine)
}

/**
 * A rotation runbook's live credential steps: the stored (new) secret must work at the provider;
 * the secret it replaced must be rejected there. Offline, or the provider unreachable, the step
 * waits; a provider without an API asks for a person's confirmation.
 */
export function credentialProbe(svc: CredentialService, engagementId: string, profile: () => NetworkProfile): ProbeCredential {
  return async (provider, expect) => {
    const c = credentialFor(svc.list(), provider, engagementId)
    if (!c) return { passed: false, waiting: false, message: `the vault holds no ${provider} credential for this engagement (handover credential add ${provider})` }
    if (profile().offline) return { passed: false, waiting: true, message: 'offline: this step checks the provider when the network is back' }
    if (expect === 'works') {
      if (c.pendingRotation) await svc.verifyPending(engagementId)
      const r = await svc.probeCurrent(c.id)
      if (r.state === 'works') return { passed: true, waiting: false, message: `the new ${c.label} credential works: ${r.message}` }
      return { passed: false, waiting: r.state === 'unreachable', message: r.state === 'no-api' ? r.message : `the stored ${c.label} credential does not work yet: ${r.message}` }
    }
    const r = await svc.probeOld(c.id)
    if (r.state === 'rejected') return { passed: true, waiting: false, message: `the old ${c.label} credential is dead: ${r.message}` }
    if (r.state === 'works') return { passed: false, waiting: false, message: `the old ${c.label} credential still works at ${provider}: revoke it there, then check again` }
    return { passed: false, waiting: r.state === 'unreachable', message: r.message }
  }
}
