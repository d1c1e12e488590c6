import type { Db } from '../workspace/db'
import type { EvidenceStore } from '../evidence/store'
import { FACT, type CredentialRotationFact } from '../evidence/facts'

interface Row {
  id: string
  engagement_id: string | null
  credential_id: string
  provider: string
  label: string
  rotated_at: string
  rotated_by: string
  reason: string
  status: string
  verified_at: string | null
  verify_error: string | null
  old_revoked_at: string | null
  created_at: string
}

const toFact = (r: Row): CredentialRotationFact => ({
  id: r.id,
  credentialId: r.credential_id,
  provider: r.provider,
  label: r.label,
  rotatedAt: r.rotated_at,
  by: r.rotated_by,
  reason: r.reason,
  status: r.status,
  verifiedAt: r.verified_at,
  verifyError: r.verify_error,
  oldRevokedAt: r.old_revoked_at,
  createdAt: r.created_at,
})

/**
 * The rotation log of stored credentials: one row per rotation (who, when, why, how verification
 * went, when the old secret was found dead). A rotation of an engagement's credential is also a
 * chained fact, written with its row in one transaction, the whole row each time it changes.
 */
export class RotationLog {
  constructor(
    private readonly db: Db,
    private readonly evidence: EvidenceStore,
  ) {}

  /** Insert or update a rotation (and chain it when it belongs to an engagement). */
  save(f: CredentialRotationFact, engagementId: string | null): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO credential_rotations (id, engagement_id, credential_id, provider, label, rotated_at, rotated_by, reason, status, verified_at, verify_error, old_revoked_at, created_at)
           VALUES (@id, @engagementId, @credentialId, @provider, @label, @rotatedAt, @by, @reason, @status, @verifiedAt, @verifyError, @oldRevokedAt, @createdAt)
           ON CONFLICT(id) DO UPDATE SET status = excluded.status, verified_at = excluded.verified_at, verify_error = excluded.verify_error, old_revoked_at = excluded.old_revoked_at`,
        )
        .run({ ...f, engagementId })
      if (engagementId) this.evidence.append(engagementId, [{ kind: FACT.credentialRotation, label: `Credential rotation (${f.status}): ${f.label}`, data: { ...f } }])
    })()
  }

  get(id: string): CredentialRotationFact | undefined {
    const r = this.db.prepare<[string], Row>('SELECT * FROM credential_rotations WHERE id = ?').get(id)
    return r ? toFact(r) : undefined
  }

  /** The newest rotation of a credential. */
  latest(credentialId: string): (CredentialRotationFact & { engagementId: string | null }) | undefined {
    const r = this.db.prepare<[string], Row>('SELECT * FROM credential_rotations WHERE credential_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(credentialId)
    return r ? { ...toFact(r), engagementId: r.engagement_id } : undefined
  }

  /** Rotations of one credential, or of every credential of an engagement, newest first. */
  list(o: { credentialId?: string; engagementId?: string }): CredentialRotationFact[] {
    const rows = o.credentialId
      ? this.db.prepare<[string], Row>('SELECT * FROM credential_rotations WHERE credential_id = ? ORDER BY created_at DESC, rowid DESC').all(o.credentialId)
      : this.db.prepare<[string], Row>('SELECT * FROM credential_rotations WHERE engagement_id = ? ORDER BY created_at DESC, rowid DESC').all(o.engagementId ?? '')
    return rows.map(toFact)
  }
}
