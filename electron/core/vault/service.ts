import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { Credential, KeychainStatus, credentialAddSchema } from '@shared/contract/credentials'
import type { z } from 'zod'
import type { Db } from '../workspace/db'
import { logChange } from '../workspace/changelog'
import { DEFAULT_PROFILE, type NetworkProfile } from '../net/profile'
import type { SecretStore } from './keychain'
import { CredentialRepo } from './repo'
import { redact, registerSecret } from './redact'
import { getVerifier, type VerifyResult } from './verifiers'
import { addDays, defaultRotationDays } from '@shared/rotation'
import { EvidenceStore } from '../evidence/store'
import { RotationLog } from './rotations'
import { CredentialRotator, type RotateOptions } from './rotate'

export const KEYCHAIN_DOCS = 'docs/keychain.md'

type AddInput = z.output<typeof credentialAddSchema>

function backendName(): string {
  if (process.platform === 'darwin') return 'macOS Keychain'
  if (process.platform === 'win32') return 'Windows Credential Manager'
  return 'Secret Service (D-Bus)'
}

/**
 * Credentials: the secret in the OS keychain (one account per credential id), metadata in
 * SQLite. Never falls back to a file: without a secure backend, adding refuses.
 */
export class CredentialService {
  readonly repo: CredentialRepo
  readonly log: RotationLog
  private readonly rotator: CredentialRotator
  constructor(
    private readonly db: Db,
    private readonly store: SecretStore,
    private readonly profile: () => NetworkProfile = () => DEFAULT_PROFILE,
    evidence: EvidenceStore = new EvidenceStore(db),
  ) {
    this.repo = new CredentialRepo(db)
    this.log = new RotationLog(db, evidence)
    this.rotator = new CredentialRotator({ repo: this.repo, log: this.log, store, profile, check: (provider, secret) => this.callVerifier(provider, secret), get: (id) => this.get(id) })
  }

  /** Whether a secure backend answers, and what to read when it does not. */
  async status(): Promise<KeychainStatus> {
    const a = await this.store.available()
    if (a.ok) return { available: true, backend: backendName() }
    return { available: false, reason: redact(a.reason), docs: KEYCHAIN_DOCS }
  }

  list(engagementId?: string): Credential[] {
    return this.repo.list(engagementId)
  }

  get(id: string): Credential {
    const c = this.repo.find(id)
    if (!c) throw new AppError('not_found', `no credential "${id}"`)
    return c
  }

  /** Store a new secret (keychain first, then the metadata row), then verify it when possible. */
  async add(input: AddInput): Promise<Credential> {
    const st = await this.status()
    if (!st.available) {
      throw new AppError(
        'unavailable',
        `No secure keychain is available (${st.reason}). The secret was not stored; Handover Console never keeps secrets in a file. See ${KEYCHAIN_DOCS} to set up or unlock a keychain.`,
      )
    }
    const engagementId = input.engagementId ?? null
    if (engagementId && !this.db.prepare('SELECT 1 FROM engagements WHERE id = ?').get(engagementId)) {
      throw new AppError('not_found', `no engagement "${engagementId}"`)
    }
    const id = randomUUID()
    registerSecret(input.secret)
    await this.store.set(id, input.secret)
    const createdAt = new Date().toISOString()
    const rotationDays = input.rotationDays ?? defaultRotationDays(input.provider)
    this.repo.insert({
      id,
      provider: input.provider,
      label: input.label,
      owner: input.owner ?? 'consultant',
      engagementId,
      createdAt,
      rotationDue: input.rotationDue === undefined ? addDays(createdAt, rotationDays) : input.rotationDue,
      rotationDays,
    })
    logChange(this.db, engagementId, 'credential', 'added', { id, provider: input.provider, label: input.label })
    if (input.verify !== false && getVerifier(input.provider)) {
      // A failed first verification keeps the credential, with the reason recorded on it.
      await this.verify(id).catch(() => undefined)
    }
    return this.get(id)
  }

  /** Read a credential's secret from the keychain (registered for redaction on the way out). */
  async secret(id: string): Promise<string> {
    let s: string | null
    try {
      s = await this.store.get(id)
    } catch (e) {
      throw new AppError('unavailable', `the keychain could not be read (${e instanceof Error ? e.message : String(e)}); see ${KEYCHAIN_DOCS}`)
    }
    if (s === null) throw new AppError('not_found', `the keychain has no secret for credential ${id.slice(0, 8)}; add it again`)
    registerSecret(s)
    return s
  }

  /** Call the provider's verify endpoint; record identity and scopes, or the failure. A rotation stored offline is verified first. */
  async verify(idOrPrefix: string): Promise<Credential> {
    const c = this.get(idOrPrefix)
    if (c.pendingRotation) await this.rotator.verifyPending(c)
    const secret = await this.secret(c.id)
    try {
      const r = await this.callVerifier(c.provider, secret)
      this.repo.markVerified(c.id, redact(r.identity), r.scopes.map(redact), new Date().toISOString(), r.expiresAt ?? null)
      logChange(this.db, c.engagementId, 'credential', 'verified', { id: c.id })
    } catch (e) {
      const msg = redact(e instanceof Error ? e.message : String(e))
      this.repo.markFailed(c.id, msg)
      throw e instanceof AppError ? new AppError(e.code, `verification failed: ${msg}`) : new AppError('unavailable', `verification failed: ${msg}`)
    }
    return this.get(c.id)
  }

  /**
   * Replace a secret, recording who, when and why: verified with the provider first (the old one
   * stays until then); offline (asked for, or the provider unreachable) it is stored as
   * verification pending and verified at the next online run.
   */
  async rotate(idOrPrefix: string, newSecret: string, o: RotateOptions = {}): Promise<Credential> {
    const c = this.get(idOrPrefix)
    await this.rotator.rotate(c, newSecret, o)
    logChange(this.db, c.engagementId, 'credential', 'rotated', { id: c.id })
    return this.get(c.id)
  }

  /** Verify every rotation stored offline (of one engagement's credentials and the unattached ones, or all). */
  verifyPending(engagementId?: string | null): Promise<void> {
    return this.rotator.verifyAllPending(engagementId)
  }

  /** Whether the secret a rotation replaced still works at the provider (a rotation runbook's last step). */
  probeOld(idOrPrefix: string) {
    return this.rotator.probeOld(this.get(idOrPrefix))
  }

  /** Whether the current secret works at the provider. */
  probeCurrent(idOrPrefix: string) {
    return this.rotator.probeCurrent(this.get(idOrPrefix))
  }

  /** Change the rotation schedule (next date, period), the label or the owner. */
  update(idOrPrefix: string, p: { label?: string; owner?: 'consultant' | 'founder'; rotationDue?: string | null; rotationDays?: number }): Credential {
    const c = this.get(idOrPrefix)
    const days = p.rotationDays ?? c.rotationDays
    // A new period moves the next date with it, counted from the last rotation, unless a date is given.
    const due = p.rotationDue !== undefined ? p.rotationDue : p.rotationDays !== undefined ? addDays(c.rotatedAt ?? c.createdAt, days) : c.rotationDue
    this.repo.schedule(c.id, { rotationDue: due, rotationDays: days, label: p.label ?? c.label, owner: p.owner ?? c.owner })
    logChange(this.db, c.engagementId, 'credential', 'updated', { id: c.id, rotationDue: due, rotationDays: days })
    return this.get(c.id)
  }

  /** Remove the keychain entries (current, pending, previous) and the metadata row. */
  async remove(idOrPrefix: string): Promise<{ id: string }> {
    const c = this.get(idOrPrefix)
    await this.store.delete(`${c.id}#pending`)
    await this.store.delete(`${c.id}#previous`)
    await this.store.delete(c.id)
    this.repo.delete(c.id)
    logChange(this.db, c.engagementId, 'credential', 'removed', { id: c.id, provider: c.provider })
    return { id: c.id }
  }

  private async callVerifier(provider: string, secret: string): Promise<VerifyResult> {
    const v = getVerifier(provider)
    if (!v) throw new AppError('invalid_input', `no verify endpoint is known for provider "${provider}"`)
    const r = await v(secret, this.profile())
    return { identity: String(r.identity ?? ''), scopes: Array.isArray(r.scopes) ? r.scopes.map(String) : [], ...(r.expiresAt ? { expiresAt: String(r.expiresAt) } : {}) }
  }
}
