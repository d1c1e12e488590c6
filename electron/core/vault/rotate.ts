import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import { AppError } from '@shared/errors'
import type { Credential } from '@shared/contract/credentials'
import { addDays } from '@shared/rotation'
import type { CredentialRotationFact } from '../evidence/facts'
import type { NetworkProfile } from '../net/profile'
import type { SecretStore } from './keychain'
import type { CredentialRepo } from './repo'
import type { RotationLog } from './rotations'
import { redact, registerSecret } from './redact'
import { getVerifier, type VerifyResult } from './verifiers'

export interface RotateOptions {
  by?: string
  reason?: string
  /** Store without calling the provider: verified at the next online run. */
  offline?: boolean
}

/** What a live probe of a secret found: it works, the provider rejects it, it could not be asked, or there is nothing to ask. */
export type ProbeResult = { state: 'works' | 'rejected' | 'unreachable' | 'no-api' | 'none'; message: string }

interface Deps {
  repo: CredentialRepo
  log: RotationLog
  store: SecretStore
  profile: () => NetworkProfile
  check: (provider: string, secret: string) => Promise<VerifyResult>
  get: (id: string) => Credential
}

const pendingAccount = (id: string) => `${id}#pending`
const previousAccount = (id: string) => `${id}#previous`
const messageOf = (e: unknown) => redact(e instanceof Error ? e.message : String(e))
/** A failure that says nothing about the secret: the provider could not be reached. */
const unreachable = (e: unknown) => ['network', 'timeout', 'cancelled'].includes(String((e as { kind?: unknown })?.kind))
/** The provider said no to the secret itself. */
const rejected = (e: unknown) => (e as { kind?: unknown })?.kind === 'auth'

function whoami(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * Rotation as a lifecycle. The keychain holds, per credential, the current secret (`<id>`), a new
 * one stored offline (`<id>#pending`) until it verifies, and the one a rotation replaced
 * (`<id>#previous`) until a live probe finds it dead. Secrets never leave the keychain; the log
 * holds who, when, why and how each step went.
 */
export class CredentialRotator {
  constructor(private readonly d: Deps) {}

  async rotate(c: Credential, secret: string, o: RotateOptions): Promise<void> {
    registerSecret(secret)
    const now = new Date().toISOString()
    const fact: CredentialRotationFact = { id: randomUUID(), credentialId: c.id, provider: c.provider, label: redact(c.label), rotatedAt: now, by: redact(o.by?.trim() || whoami()), reason: redact(o.reason?.trim() ?? ''), status: 'pending', verifiedAt: null, verifyError: null, oldRevokedAt: null, createdAt: now }
    if (!getVerifier(c.provider)) {
      await this.promote(c, secret, undefined)
      return this.d.log.save({ ...fact, status: 'unverifiable' }, c.engagementId)
    }
    if (o.offline || this.d.profile().offline) return this.storePending(c, secret, fact, 'offline')
    let verified: VerifyResult
    try {
      verified = await this.d.check(c.provider, secret)
    } catch (e) {
      if (unreachable(e)) return this.storePending(c, secret, { ...fact, verifyError: messageOf(e) }, 'unreachable')
      throw new AppError(e instanceof AppError ? e.code : 'unavailable', `the new secret did not verify (${messageOf(e)}); the old one is still in place`)
    }
    await this.promote(c, secret, verified)
    this.d.log.save({ ...fact, status: 'verified', verifiedAt: new Date().toISOString() }, c.engagementId)
  }

  private async storePending(c: Credential, secret: string, fact: CredentialRotationFact, _why: 'offline' | 'unreachable'): Promise<void> {
    await this.d.store.set(pendingAccount(c.id), secret)
    this.d.repo.setPending(c.id, fact.id)
    this.d.log.save(fact, c.engagementId)
  }

  /** The new secret becomes current; the old one is kept aside for the revocation probe. */
  private async promote(c: Credential, secret: string, verified: VerifyResult | undefined): Promise<void> {
    const old = await this.d.store.get(c.id).catch(() => null)
    if (old !== null && old !== secret) await this.d.store.set(previousAccount(c.id), old)
    await this.d.store.set(c.id, secret)
    const now = new Date().toISOString()
    this.d.repo.markRotated(c.id, now, addDays(now, c.rotationDays), old !== null && old !== secret)
    if (verified) this.d.repo.markVerified(c.id, redact(verified.identity), verified.scopes.map(redact), now, verified.expiresAt ?? null)
  }

  /** Verify a rotation stored offline: promote it, or record the provider's refusal; unreachable leaves it waiting. */
  async verifyPending(c: Credential): Promise<void> {
    const fact = c.pendingRotation ? this.d.log.get(c.pendingRotation) : undefined
    const secret = await this.d.store.get(pendingAccount(c.id)).catch(() => null)
    if (!fact || secret === null) return this.d.repo.setPending(c.id, null)
    registerSecret(secret)
    try {
      const v = await this.d.check(c.provider, secret)
      await this.promote(c, secret, v)
      await this.d.store.delete(pendingAccount(c.id))
      this.d.log.save({ ...fact, status: 'verified', verifiedAt: new Date().toISOString(), verifyError: null }, c.engagementId)
    } catch (e) {
      if (!rejected(e)) return // still offline or the provider is down: try at the next run
      await this.d.store.delete(pendingAccount(c.id))
      this.d.repo.setPending(c.id, null)
      this.d.repo.markFailed(c.id, `the secret stored on ${fact.rotatedAt.slice(0, 10)} was rejected when verified (${messageOf(e)}); the previous one is still in place`)
      this.d.log.save({ ...fact, status: 'failed', verifyError: messageOf(e) }, c.engagementId)
    }
  }

  /** Every pending rotation in scope (an engagement's credentials and the unattached ones; all when undefined). */
  async verifyAllPending(engagementId?: string | null): Promise<void> {
    const scope = this.d.repo.pending().filter((c) => engagementId === undefined || c.engagementId === null || c.engagementId === engagementId)
    for (const c of scope) await this.verifyPending(c).catch(() => undefined)
  }

  private async probe(c: Credential, secret: string): Promise<ProbeResult> {
    if (!getVerifier(c.provider)) return { state: 'no-api', message: `${c.provider} has no API here to test a key: confirm by hand` }
    try {
      const v = await this.d.check(c.provider, secret)
      return { state: 'works', message: `${c.provider} accepts it (${redact(v.identity)})` }
    } catch (e) {
      if (rejected(e)) return { state: 'rejected', message: `${c.provider} rejects it: ${messageOf(e)}` }
      return { state: unreachable(e) ? 'unreachable' : 'rejected', message: messageOf(e) }
    }
  }

  /** Does the current secret work? */
  async probeCurrent(c: Credential): Promise<ProbeResult> {
    const s = await this.d.store.get(c.id)
    return s === null ? { state: 'none', message: 'the keychain holds no secret for it' } : this.probe(c, s)
  }

  /**
   * Is the secret the last rotation replaced dead at the provider? When it is, it leaves the
   * keychain and the rotation records when it was found dead.
   */
  async probeOld(c: Credential): Promise<ProbeResult> {
    const old = await this.d.store.get(previousAccount(c.id)).catch(() => null)
    const last = this.d.log.latest(c.id)
    if (old === null) return last?.oldRevokedAt ? { state: 'rejected', message: `the old secret was found dead on ${last.oldRevokedAt.slice(0, 10)}` } : { state: 'none', message: 'no replaced secret is kept for this credential (rotate it first)' }
    registerSecret(old)
    const r = await this.probe(c, old)
    if (r.state === 'rejected') {
      await this.d.store.delete(previousAccount(c.id))
      this.d.repo.setPreviousKept(c.id, false)
      if (last) this.d.log.save({ ...last, oldRevokedAt: new Date().toISOString() }, last.engagementId)
    }
    return r
  }
}
