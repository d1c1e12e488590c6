import { AppError } from '@shared/errors'
import type { ConsultantDetails, ConsultantIdentity, KeyEvent } from '@shared/contract/identity'
import type { Db } from '../workspace/db'
import type { SecretStore } from '../vault/keychain'
import { EvidenceStore } from '../evidence/store'
import type { AnchorSigner } from '../evidence/anchor'
import { keyFingerprint } from './fingerprint'
import { forgetKeys, identityRow, insertIdentity, makeKeys, reissueCert, requireKeychain, toInfo, unlockIdentity, type Identity } from './identity'

/** The consultant's identity row id: one per workspace. */
export const CONSULTANT_ID = 'consultant'

/** The evidence item a re-key leaves in every engagement whose chain the old key signed. */
export const REKEY_EVIDENCE_KIND = 'identity.rekeyed'

/** What a person is told when nothing may be signed yet: a bundle never names the OS user. */
export const IDENTITY_NOT_SET =
  'set who signs your bundles first: your name, email and organisation (Settings → Your identity, or `handover identity set --name … --email … --organisation …`); they go on the signing certificate, the PDF cover and the manifest'

const history = (db: Db): KeyEvent[] =>
  db
    .prepare<[string], KeyEvent>('SELECT event, fingerprint, previous, reason, at FROM signing_key_history WHERE identity_id = ? ORDER BY seq')
    .all(CONSULTANT_ID)

const record = (db: Db, e: KeyEvent) =>
  db.prepare('INSERT INTO signing_key_history (identity_id, event, fingerprint, previous, reason, at) VALUES (?, ?, ?, ?, ?, ?)').run(CONSULTANT_ID, e.event, e.fingerprint, e.previous, e.reason, e.at)

/** The consultant's identity with its key history, or null before one exists. */
export function getConsultant(db: Db): ConsultantIdentity | null {
  const row = identityRow(db, CONSULTANT_ID)
  return row ? { ...toInfo(row), confirmed: row.confirmed === 1, keys: history(db) } : null
}

/**
 * Set the consultant's details. The first time this also makes the key pair (private parts in
 * the keychain only). Later it keeps the key, so the fingerprint founders were given stays
 * valid, and re-issues the PDF certificate for the new details with the same RSA key.
 */
export async function setConsultant(db: Db, secrets: SecretStore, d: ConsultantDetails): Promise<ConsultantIdentity> {
  await requireKeychain(secrets)
  const row = identityRow(db, CONSULTANT_ID)
  if (!row) {
    const keys = await makeKeys(secrets, CONSULTANT_ID, d)
    const at = new Date().toISOString()
    db.transaction(() => {
      insertIdentity(db, { id: CONSULTANT_ID, role: 'consultant', ...d, ed25519_pub: keys.edPublicPem, cert_pem: keys.certPem, key_ref: keys.keyRef, created_at: at, confirmed: 1 })
      record(db, { event: 'created', fingerprint: keyFingerprint(keys.edPublicPem), previous: null, reason: '', at })
    })()
  } else {
    const certPem = await reissueCert(secrets, row, d)
    db.prepare('UPDATE signing_identities SET name = ?, email = ?, organisation = ?, website = ?, cert_pem = ?, confirmed = 1 WHERE id = ?').run(d.name, d.email, d.organisation, d.website, certPem, CONSULTANT_ID)
  }
  return getConsultant(db)!
}

/**
 * Replace the consultant's key pair: explicit, with a reason. The new keys go to the keychain,
 * the old private keys leave it; the key history records the change, and every engagement whose
 * chain the old key signed gets an `identity.rekeyed` evidence item naming both fingerprints.
 * Bundles signed before keep verifying with the key they carry.
 */
export async function rekeyConsultant(db: Db, secrets: SecretStore, reason: string): Promise<ConsultantIdentity & { engagements: number }> {
  await requireKeychain(secrets)
  const row = identityRow(db, CONSULTANT_ID)
  if (!row) throw new AppError('invalid_input', IDENTITY_NOT_SET)
  const keys = await makeKeys(secrets, CONSULTANT_ID, row)
  const previous = keyFingerprint(row.ed25519_pub)
  const fingerprint = keyFingerprint(keys.edPublicPem)
  const at = new Date().toISOString()
  let engagements: string[] = []
  try {
    db.transaction(() => {
      db.prepare('UPDATE signing_identities SET ed25519_pub = ?, cert_pem = ?, key_ref = ?, created_at = ? WHERE id = ?').run(keys.edPublicPem, keys.certPem, keys.keyRef, at, CONSULTANT_ID)
      record(db, { event: 'rekeyed', fingerprint, previous, reason, at })
      engagements = db.prepare<[string], { id: string }>('SELECT DISTINCT engagement_id AS id FROM evidence_anchors WHERE public_key = ?').all(row.ed25519_pub).map((r) => r.id)
      const evidence = new EvidenceStore(db)
      for (const id of engagements) {
        evidence.append(id, [{ kind: REKEY_EVIDENCE_KIND, label: `Consultant signing key replaced (${previous.slice(0, 8)}… → ${fingerprint.slice(0, 8)}…)`, data: { name: row.name, previous, fingerprint, reason, at } }])
      }
    })()
  } catch (e) {
    await forgetKeys(secrets, keys.keyRef)
    throw e
  }
  await forgetKeys(secrets, row.key_ref)
  return { ...getConsultant(db)!, engagements: engagements.length }
}

/** The consultant's identity, unlocked to sign; refused until its details were set by a person. */
export async function consultantIdentity(db: Db, secrets: SecretStore): Promise<Identity> {
  const row = identityRow(db, CONSULTANT_ID)
  if (!row || row.confirmed !== 1) throw new AppError('invalid_input', IDENTITY_NOT_SET)
  return unlockIdentity(secrets, row)
}

/** The consultant's key as the signer of chain anchors (bundles, exports). */
export async function consultantAnchorSigner(db: Db, secrets: SecretStore): Promise<AnchorSigner> {
  const id = await consultantIdentity(db, secrets)
  return { name: id.info.name, fingerprint: id.info.fingerprint, publicPem: id.edPublicPem, sign: id.sign }
}
