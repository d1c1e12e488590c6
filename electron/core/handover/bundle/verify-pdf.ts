import { certFingerprint, tryKeyFingerprint } from '../fingerprint'
import { verifyPdfSignature } from '../pdf/verify-sig'
import { printedFingerprints } from '../pdf/read-text'
import { FILES } from './files'
import type { BundleCheck } from './verify'

/**
 * The PDF against the rest of the bundle: its embedded CMS signature covers the whole file; the
 * certificate it was signed with is signer.cert.pem (and the one the manifest names); and the
 * key fingerprint printed on its cover is signer.pub.pem's. A bundle whose manifest was re-signed
 * with another key around the consultant's PDF fails the last; one whose PDF was re-signed with
 * another certificate fails the second.
 */
export const pdfChecks: BundleCheck = async ({ input, manifest, signerPem, add }) => {
  const pdf = input.files.get(FILES.pdf)
  if (!pdf) return
  const r = verifyPdfSignature(pdf)
  add('PDF signature', r.ok, r.ok ? `${r.detail} (signed by ${r.signer ?? 'unknown'})` : r.detail)
  if (!r.ok) return
  const cert = input.files.get(FILES.cert)?.toString('utf8')
  let certOk: boolean
  try {
    certOk = !!cert && !!r.certFingerprint && certFingerprint(cert) === r.certFingerprint && r.certFingerprint === manifest.signer.certFingerprint
  } catch {
    certOk = false
  }
  add('PDF certificate', certOk, certOk ? `the PDF was signed with signer.cert.pem, fingerprint ${r.certFingerprint}` : 'the PDF was signed with a certificate other than signer.cert.pem')
  const key = tryKeyFingerprint(signerPem)
  let printed: string[]
  try {
    printed = await printedFingerprints(pdf)
  } catch (e) {
    add('PDF fingerprint', false, `the PDF's text could not be read: ${e instanceof Error ? e.message : String(e)}`)
    return
  }
  const ok = !!key && printed.length > 0 && printed.every((p) => p === key)
  add(
    'PDF fingerprint',
    ok,
    ok
      ? `the cover prints signer.pub.pem's fingerprint ${key}`
      : printed.length === 0
        ? 'the PDF cover prints no key fingerprint'
        : `the PDF cover prints the key fingerprint ${printed.find((p) => p !== key)}, but signer.pub.pem's is ${key ?? 'unreadable'}: the manifest was signed with another key than the PDF names`,
  )
}
