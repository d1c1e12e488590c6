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
  /** Who signed: the consultant's details as set (organisation and website since identities had them). */
  signer: { name: string; email: string; organisation?: string; website?: string; fingerprint: string; certFingerprint: string | null }
  files: ManifestFile[]
}

/** SHA-256 hex of bytes. */
export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * The manifest's exact bytes (what the signatures cover): pretty JSON with a final newline, each
 * file on one line, `{"path": …, "sha256": …, "size": …}`, so VERIFY.txt can turn the signed
 * list into `sha256sum -c` input with one sed expression, no JSON tool needed.
 */
export function manifestBytes(m: Manifest): Buffer {
  const { files, ...rest } = m
  const head = JSON.stringify(rest, null, 2).slice(0, -2)
  const lines = files.map((f) => `    {"path": ${JSON.stringify(f.path)}, "sha256": ${JSON.stringify(f.sha256)}, "size": ${f.size}}`)
  return Buffer.from(`${head},\n  "files": [\n${lines.join(',\n')}\n  ]\n}\n`, 'utf8')
}

/** Verify a raw Ed25519 signature (as `openssl pkeyutl -verify -rawin` does). */
export function verifyEd25519(publicPem: string, data: Buffer, sig: Buffer): boolean {
  try {
    return edVerify(null, data, createPublicKey(publicPem), sig)
  } catch {
    return false
  }
}
