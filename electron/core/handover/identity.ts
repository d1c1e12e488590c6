import { createPrivateKey, generateKeyPairSync, randomUUID, sign as edSign, type KeyObject } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { IdentityInfo } from '@shared/contract/handover'
import type { Db } from '../workspace/db'
import type { SecretStore } from '../vault/keychain'
import { makeSelfSignedCert, type CertKeys, type CertSubject } from './cert'
import { certFingerprint, keyFingerprint } from './fingerprint'

/** A signing identity: public parts from the workspace, private parts from the keychain. */
export interface Identity {
  info: IdentityInfo
  id: string
  edPublicPem: string
  certPem: string | null
  /** Ed25519 signature over bytes. */
  sign(data: Buffer): Buffer
  /** RSA key + certificate for the PDF signature (consultant only). */
  pdfKeys(): CertKeys | null
}

/** A signing identity's row in the workspace (`signing_identities`): public parts only. */
export interface IdentityRow {
  id: string
  role: 'consultant' | 'founder'
  name: string
  email: string
  organisation: string
  website: string
  ed25519_pub: string
  cert_pem: string | null
  /** Prefix of the keychain accounts holding the private parts. */
  key_ref: string
  created_at: string
  /** 1 once a person set the details (identity set, Settings); 0 for one made on first use from the OS user name. */
  confirmed: number
}

const account = (ref: string, part: 'ed25519' | 'rsa') => `signing:${ref}:${part}`

/** The identity row with this id, if any. */
export function identityRow(db: Db, id: string): IdentityRow | undefined {
  return db.prepare<[string], IdentityRow>('SELECT * FROM signing_identities WHERE id = ?').get(id)
}

/** What a person sees of an identity: details and fingerprints, never a private part. */
export function toInfo(r: IdentityRow): IdentityInfo {
  return {
    role: r.role,
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    website: r.website,
    fingerprint: keyFingerprint(r.ed25519_pub),
    certFingerprint: r.cert_pem ? certFingerprint(r.cert_pem) : null,
    createdAt: r.created_at,
  }
}

/** Refuse, in words a person can act on, when the OS keychain cannot hold signing keys. */
export async function requireKeychain(secrets: SecretStore): Promise<void> {
  const a = await secrets.available()
  if (!a.ok)
    throw new AppError(
      'unavailable',
      `the OS keychain is not available (${a.reason}); signing keys are only ever kept there, so nothing can be signed until it is (on Linux: a running Secret Service such as gnome-keyring)`,
    )
}

/** New public parts, their private halves already in the keychain under `keyRef`. */
export interface NewKeys {
  keyRef: string
  edPublicPem: string
  certPem: string | null
}

/**
 * A new Ed25519 key pair, and with `cert` an RSA-2048 key and a self-signed certificate naming
 * that subject (for PDF signatures). The private keys go to the keychain under a fresh reference
 * before anything points at them; nothing private is returned.
 */
export async function makeKeys(secrets: SecretStore, id: string, cert: CertSubject | null): Promise<NewKeys> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const keyRef = `${id}:${randomUUID().slice(0, 8)}`
  await secrets.set(account(keyRef, 'ed25519'), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
  let certPem: string | null = null
  if (cert) {
    const keys = makeSelfSignedCert(cert)
    await secrets.set(account(keyRef, 'rsa'), keys.keyPem)
    certPem = keys.certPem
  }
  return { keyRef, edPublicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), certPem }
}

/** A certificate for new details, issued for the identity's existing RSA key (same key, new subject). */
export async function reissueCert(secrets: SecretStore, row: IdentityRow, subject: CertSubject): Promise<string> {
  const rsaPem = await secrets.get(account(row.key_ref, 'rsa'))
  if (!rsaPem) throw new AppError('unavailable', `the PDF signing key for ${row.name} is not in this machine's keychain; re-key to make a new one`)
  return makeSelfSignedCert(subject, rsaPem).certPem
}

/** Delete the private parts stored under a key reference from the keychain. */
export async function forgetKeys(secrets: SecretStore, keyRef: string): Promise<void> {
  await secrets.delete(account(keyRef, 'ed25519'))
  await secrets.delete(account(keyRef, 'rsa'))
}

/** The identity with its private parts from the keychain, ready to sign. */
export async function unlockIdentity(secrets: SecretStore, row: IdentityRow): Promise<Identity> {
  await requireKeychain(secrets)
  const edPem = await secrets.get(account(row.key_ref, 'ed25519'))
  if (!edPem) throw new AppError('unavailable', `the private signing key for ${row.name} is not in this machine's keychain; sign on the machine that created it, or re-key`)
  const edKey: KeyObject = createPrivateKey(edPem)
  const rsaPem = row.cert_pem ? await secrets.get(account(row.key_ref, 'rsa')) : null
  if (row.cert_pem && !rsaPem) throw new AppError('unavailable', `the PDF signing key for ${row.name} is not in this machine's keychain; re-key to make a new one`)
  const certPem = row.cert_pem
  return {
    info: toInfo(row),
    id: row.id,
    edPublicPem: row.ed25519_pub,
    certPem,
    sign: (data) => edSign(null, data, edKey),
    pdfKeys: () => (certPem && rsaPem ? { certPem, keyPem: rsaPem } : null),
  }
}

/** Store a new identity row (its keys already in the keychain). */
export function insertIdentity(db: Db, row: IdentityRow): void {
  db.prepare(
    `INSERT INTO signing_identities (id, role, name, email, organisation, website, ed25519_pub, cert_pem, key_ref, created_at, confirmed)
     VALUES (@id, @role, @name, @email, @organisation, @website, @ed25519_pub, @cert_pem, @key_ref, @created_at, @confirmed)`,
  ).run(row)
}

/**
 * Forget every signing identity of a role: private parts leave the keychain, public rows the
 * workspace. Bundles they signed stay verifiable (they carry the public key). Returns how many.
 */
export async function removeIdentity(db: Db, secrets: SecretStore, role: 'consultant' | 'founder'): Promise<number> {
  const rows = db.prepare<[string], IdentityRow>('SELECT * FROM signing_identities WHERE role = ?').all(role)
  for (const row of rows) {
    await forgetKeys(secrets, row.key_ref)
    db.prepare('DELETE FROM signing_identities WHERE id = ?').run(row.id)
  }
  return rows.length
}
