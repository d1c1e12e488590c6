import { createHash, createPublicKey, verify as edVerify } from 'node:crypto'

export const MANIFEST_FORMAT = 'handover-bundle/1'

export interface ManifestFile {
  path: string
  sha256: string
  size: number
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT
  createdAt: string
  engagement: { client: string; domain: string; domainUnicode: string }
  signer: { name: string; email: string; fingerprint: string; certFingerprint: string | null }
  files: ManifestFile[]
}

/** SHA-256 hex of bytes. */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The manifest's exact bytes: pretty JSON with a final newline (what both signatures cover). */
export function manifestBytes(m: Manifest): Buffer {
  return Buffer.from(JSON.stringify(m, null, 2) + '\n', 'utf8')
}

/** Verify a raw Ed25519 signature (as `openssl pkeyutl -verify -rawin` does). */
export function verifyEd25519(publicPem: string, data: Buffer, sig: Buffer): boolean {
  try {
    return edVerify(null, data, createPublicKey(publicPem), sig)
  } catch {
    return false
  }
}
