import { nodeCrypto } from '../node-crypto'

/** SHA-256 over the DER of a public key (SPKI), hex: the fingerprint people compare (shared/fingerprint.ts). */
export function keyFingerprint(pem: string): string {
  const { createHash, createPublicKey } = nodeCrypto()
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
  return nodeCrypto().createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex')
}
