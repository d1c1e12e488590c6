/**
 * The one format a signing key's fingerprint is shown in, everywhere (Settings, the handover
 * screen, `bundle` and `verify` output, the PDF cover, VERIFY.txt): SHA-256 over the public
 * key's DER (SubjectPublicKeyInfo), as 64 lowercase hex digits, which is what `sha256sum`,
 * `shasum -a 256` and `openssl dgst -sha256` print for those bytes.
 */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/

/** The openssl command that prints the same fingerprint for a bundle's signer.pub.pem. */
export const FINGERPRINT_COMMAND = 'openssl pkey -pubin -in signer.pub.pem -outform DER | openssl dgst -sha256'

/**
 * A fingerprint as a person pasted it, in the one format, or null when it is not one. Accepts
 * what the tools print around it: upper case (PowerShell's Get-FileHash), colons or spaces
 * between digits, a `SHA2-256(stdin)= ` or `(stdin)= ` prefix (openssl dgst, LibreSSL), a
 * `sha256:` prefix, and the `  -` that sha256sum and shasum print after a hash of stdin.
 */
export function normalizeFingerprint(text: string): string | null {
  const s = text
    .trim()
    .replace(/^[\w-]*\(stdin\)\s*=\s*/i, '')
    .replace(/^sha-?256\s*[:=]\s*/i, '')
    .replace(/\s+\*?-$/, '')
    .replace(/[\s:]/g, '')
    .toLowerCase()
  return FINGERPRINT_PATTERN.test(s) ? s : null
}
