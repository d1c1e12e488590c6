import type { Credential, CredentialProvider } from '@shared/contract/credentials'
import { defaultRotationDays } from '@shared/rotation'
import type { Db } from '../workspace/db'

interface Row {
  id: string
  provider: string
  label: string
  identity: string | null
  scopes: string
  owner: string
  engagement_id: string | null
  created_at: string
  verified_at: string | null
  verify_error: string | null
  rotation_due: string | null
  rotation_days: number | null
  rotated_at: string | null
  expires_at: string | null
  pending_rotation: string | null
  previous_kept: number
}

function toCredential(r: Row): Credential {
  let scopes: string[] = []
  try {
    const s = JSON.parse(r.scopes) as unknown
    if (Array.isArray(s)) scopes = s.map(String)
  } catch {
    // a damaged scopes column reads as no scopes
  }
  return {
    id: r.id,
    provider: r.provider as CredentialProvider,
    label: r.label,
    identity: r.identity,
    scopes,
    owner: r.owner === 'founder' ? 'founder' : 'consultant',
    engagementId: r.engagement_id,
    createdAt: r.created_at,
    verifiedAt: r.verified_at,
    verifyError: r.verify_error,
    rotationDue: r.rotation_due,
    rotationDays: r.rotation_days ?? defaultRotationDays(r.provider),
    rotatedAt: r.rotated_at,
    expiresAt: r.expires_at,
    pendingRotation: r.pending_rotation,
    previousKept: r.previous_kept === 1,
  }
}

/** Credential metadata in the workspace database (never the secret). */
export class CredentialRepo {
  private readonly q
  constructor(db: Db) {
    this.q = {
      all: db.prepare<[], Row>('SELECT * FROM credentials ORDER BY created_at, id'),
      byEngagement: db.prepare<[string], Row>('SELECT * FROM credentials WHERE engagement_id = ? ORDER BY created_at, id'),
      byId: db.prepare<[string], Row>('SELECT * FROM credentials WHERE id = ?'),
      byPrefix: db.prepare<[string], Row>("SELECT * FROM credentials WHERE id LIKE ? || '%' LIMIT 2"),
      insert: db.prepare(
        `INSERT INTO credentials (id, provider, label, owner, engagement_id, created_at, rotation_due, rotation_days)
         VALUES (@id, @provider, @label, @owner, @engagement_id, @created_at, @rotation_due, @rotation_days)`,
      ),
      verified: db.prepare('UPDATE credentials SET identity = ?, scopes = ?, verified_at = ?, verify_error = NULL, expires_at = ? WHERE id = ?'),
      rotated: db.prepare('UPDATE credentials SET rotated_at = ?, rotation_due = ?, pending_rotation = NULL, previous_kept = ? WHERE id = ?'),
      pending: db.prepare('UPDATE credentials SET pending_rotation = ? WHERE id = ?'),
      previous: db.prepare('UPDATE credentials SET previous_kept = ? WHERE id = ?'),
      schedule: db.prepare('UPDATE credentials SET rotation_due = ?, rotation_days = ?, label = ?, owner = ? WHERE id = ?'),
      withPending: db.prepare<[], Row>('SELECT * FROM credentials WHERE pending_rotation IS NOT NULL ORDER BY created_at, id'),
      failed: db.prepare('UPDATE credentials SET verify_error = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM credentials WHERE id = ?'),
    }
  }

  list(engagementId?: string): Credential[] {
    return (engagementId ? this.q.byEngagement.all(engagementId) : this.q.all.all()).map(toCredential)
  }

  /** By full id or a unique prefix (as the CLI prints 8 characters). */
  find(idOrPrefix: string): Credential | undefined {
    const exact = this.q.byId.get(idOrPrefix)
    if (exact) return toCredential(exact)
    if (idOrPrefix.length < 4) return undefined
    const rows = this.q.byPrefix.all(idOrPrefix)
    return rows.length === 1 ? toCredential(rows[0]) : undefined
  }

  insert(c: Pick<Credential, 'id' | 'provider' | 'label' | 'owner' | 'engagementId' | 'createdAt' | 'rotationDue' | 'rotationDays'>): void {
    this.q.insert.run({
      id: c.id,
      provider: c.provider,
      label: c.label,
      owner: c.owner,
      engagement_id: c.engagementId,
      created_at: c.createdAt,
      rotation_due: c.rotationDue,
      rotation_days: c.rotationDays,
    })
  }

  markVerified(id: string, identity: string, scopes: string[], at: string, expiresAt: string | null = null): void {
    this.q.verified.run(identity, JSON.stringify(scopes), at, expiresAt, id)
  }

  /** A new secret is in place: the next rotation falls due `days` after `at`. */
  markRotated(id: string, at: string, due: string, previousKept: boolean): void {
    this.q.rotated.run(at, due, previousKept ? 1 : 0, id)
  }

  /** A rotation waits for verification (null: none does). */
  setPending(id: string, rotationId: string | null): void {
    this.q.pending.run(rotationId, id)
  }

  setPreviousKept(id: string, kept: boolean): void {
    this.q.previous.run(kept ? 1 : 0, id)
  }

  schedule(id: string, s: { rotationDue: string | null; rotationDays: number; label: string; owner: string }): void {
    this.q.schedule.run(s.rotationDue, s.rotationDays, s.label, s.owner, id)
  }

  /** Credentials with a rotation stored offline, waiting for its verification. */
  pending(): Credential[] {
    return this.q.withPending.all().map(toCredential)
  }

  markFailed(id: string, reason: string): void {
    this.q.failed.run(reason, id)
  }

  delete(id: string): boolean {
    return this.q.delete.run(id).changes > 0
  }
}
