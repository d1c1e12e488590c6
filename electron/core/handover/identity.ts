import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign as edSign, type KeyObject } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { IdentityInfo } from '@shared/contract/handover'
import type { Db } from '../workspace/db'
import type { SecretStore } from '../vault/keychain'
import { makeSelfSignedCert, type CertKeys } from './cert'
import type { AnchorSigner } from '../evidence/anchor'

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

interface Row {
  id: string
  role: 'consultant' | 'founder'
  name: string
  email: string
  ed25519_pub: string
  cert_pem: string | null
  /** Prefix of the keychain accounts holding the private parts. */
  key_ref: string
  created_at: string
}

const account = (ref: string, part: 'ed25519' | 'rsa') => `signing:${ref}:${part}`

/** SHA-256 over the DER of a public key (SPKI), hex: the fingerprint people compare. */
export function keyFingerprint(pem: string): string {
  return createHash('sha256').update(createPublicKey(pem).export({ type: 'spki', format: 'der' })).digest('hex')
}

/** keyFingerprint, or null when the PEM is missing or not a public key (hostile input). */
export function tryKeyFingerprint(pem: string): string | null {
  try {
    return pem ? keyFingerprint(pem) : null
  } catch {
    return null
  }
}

/** SHA-256 over a certificate's DER, hex. */
export function certFingerprint(certPem: string): string {
  const b64 = certPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
  return createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex')
}

async function requireKeychain(secrets: SecretStore): Promise<void> {
  const a = await secrets.available()
  if (!a.ok)
    throw new AppError(
      'unavailable',
      `the OS keychain is not available (${a.reason}); signing keys are only ever kept there, so no bundle can be signed until it is (on Linux: a running Secret Service such as gnome-keyring)`,
    )
}

function toInfo(r: Row): IdentityInfo {
  return {
    role: r.role,
    name: r.name,
    email: r.email,
    fingerprint: keyFingerprint(r.ed25519_pub),
    certFingerprint: r.cert_pem ? certFingerprint(r.cert_pem) : null,
    createdAt: r.created_at,
  }
}

/** The stored identity for a role (founder identities are per engagement), or null. */
export function findIdentity(db: Db, role: 'consultant' | 'founder', engagementId?: string): IdentityInfo | null {
  const r = db.prepare<[string], Row>('SELECT * FROM signing_identities WHERE id = ?').get(identityId(role, engagementId))
  return r ? toInfo(r) : null
}

function identityId(role: 'consultant' | 'founder', engagementId?: string): string {
  return role === 'consultant' ? 'consultant' : `founder:${engagementId ?? 'default'}`
}

/**
 * Load the identity for a role, creating it on first use: an Ed25519 key pair, and for the
 * consultant also an RSA-2048 key with a self-signed X.509 certificate for PDF signatures.
 * Private keys go only to the keychain; refuses when the keychain is unavailable.
 */
export async function loadIdentity(
  db: Db,
  secrets: SecretStore,
  o: { role: 'consultant' | 'founder'; engagementId?: string; name: string; email?: string },
): Promise<Identity> {
  await requireKeychain(secrets)
  const id = identityId(o.role, o.engagementId)
  let row = db.prepare<[string], Row>('SELECT * FROM signing_identities WHERE id = ?').get(id)
  if (!row) row = await createIdentity(db, secrets, id, o)
  const edPem = await secrets.get(account(row.key_ref, 'ed25519'))
  if (!edPem)
    throw new AppError('unavailable', `the private signing key for ${row.name} is not in this machine's keychain; sign on the machine that created it`)
  const edKey: KeyObject = createPrivateKey(edPem)
  const rsaPem = row.cert_pem ? await secrets.get(account(row.key_ref, 'rsa')) : null
  if (row.cert_pem && !rsaPem) throw new AppError('unavailable', `the PDF signing key for ${row.name} is not in this machine's keychain`)
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

async function createIdentity(db: Db, secrets: SecretStore, id: string, o: { role: 'consultant' | 'founder'; name: string; email?: string }): Promise<Row> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const edPub = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  let certPem: string | null = null
  // A keychain item is written before the workspace row, so a row never points at nothing.
  const keyRef = `${id}:${randomUUID().slice(0, 8)}`
  await secrets.set(account(keyRef, 'ed25519'), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
  if (o.role === 'consultant') {
    const keys = makeSelfSignedCert(o.name, o.email ?? '')
    await secrets.set(account(keyRef, 'rsa'), keys.keyPem)
    certPem = keys.certPem
  }
  const row: Row = { id, role: o.role, name: o.name, email: o.email ?? '', ed25519_pub: edPub, cert_pem: certPem, key_ref: keyRef, created_at: new Date().toISOString() }
  db.prepare(
    'INSERT INTO signing_identities (id, role, name, email, ed25519_pub, cert_pem, key_ref, created_at) VALUES (@id, @role, @name, @email, @ed25519_pub, @cert_pem, @key_ref, @created_at)',
  ).run(row)
  return row
}

/** The consultant's key as the signer of chain anchors (created on first use, as for a bundle). */
export async function consultantAnchorSigner(db: Db, secrets: SecretStore, name: string, email?: string): Promise<AnchorSigner> {
  const id = await loadIdentity(db, secrets, { role: 'consultant', name, email })
  return { name: id.info.name, fingerprint: id.info.fingerprint, publicPem: id.edPublicPem, sign: id.sign }
}

/**
 * Forget a signing identity: its private parts leave the keychain and its public row the
 * workspace. Bundles it signed stay verifiable (they carry the public key).
 */
export async function removeIdentity(db: Db, secrets: SecretStore, role: 'consultant' | 'founder', engagementId?: string): Promise<boolean> {
  const row = db.prepare<[string], Row>('SELECT * FROM signing_identities WHERE id = ?').get(identityId(role, engagementId))
  if (!row) return false
  await secrets.delete(account(row.key_ref, 'ed25519'))
  await secrets.delete(account(row.key_ref, 'rsa'))
  db.prepare('DELETE FROM signing_identities WHERE id = ?').run(row.id)
  return true
}
