import { createHash } from 'node:crypto'
import forge from 'node-forge'

export interface PdfSigCheck {
  ok: boolean
  detail: string
  signer?: string
  certFingerprint?: string
}

/** Parse the last /ByteRange and its /Contents from a signed PDF. */
function byteRange(pdf: Buffer): { ranges: number[]; contentsHex: string } | null {
  const text = pdf.toString('latin1')
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)]
  const m = matches.at(-1)
  if (!m) return null
  const ranges = m.slice(1, 5).map(Number)
  const [a, b, c] = ranges
  if (a !== 0 || c <= b || c > pdf.length) return null
  const between = text.slice(b, c)
  if (!/^<[0-9a-fA-F]*>$/.test(between)) return null
  return { ranges, contentsHex: between.slice(1, -1) }
}

/**
 * Verify an embedded adbe.pkcs7.detached signature ourselves (node-forge parses the CMS):
 * the byte ranges must cover the whole file except the signature itself, the signed
 * messageDigest must equal SHA-256 of those ranges, and the RSA signature over the signed
 * attributes must verify with the embedded certificate's key.
 */
export function verifyPdfSignature(pdf: Buffer): PdfSigCheck {
  const br = byteRange(pdf)
  if (!br) return { ok: false, detail: 'no embedded signature found' }
  const [a, b, c, d] = br.ranges
  if (c + d !== pdf.length) return { ok: false, detail: `the signature covers ${c + d} of ${pdf.length} bytes: the document was changed after signing` }
  try {
    const der = Buffer.from(br.contentsHex, 'hex').toString('binary')
    // The /Contents placeholder is zero-padded past the DER: parse the leading object only.
    const fromDer = forge.asn1.fromDer as unknown as (bytes: string, o: { parseAllBytes: boolean }) => forge.asn1.Asn1
    const asn1 = fromDer(der, { parseAllBytes: false })
    const p7 = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & { rawCapture: Record<string, unknown> }
    const cert = p7.certificates[0]
    if (!cert) return { ok: false, detail: 'the signature carries no certificate' }
    const raw = p7.rawCapture as { authenticatedAttributes?: forge.asn1.Asn1[]; signature: string; digestAlgorithm: string }
    if (forge.asn1.derToOid(raw.digestAlgorithm) !== forge.pki.oids.sha256) return { ok: false, detail: 'unexpected digest algorithm (want SHA-256)' }
    const attrs = raw.authenticatedAttributes ?? []
    const digest = createHash('sha256').update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest('binary')
    const mdAttr = attrs.find((attr) => forge.asn1.derToOid((attr.value as forge.asn1.Asn1[])[0].value as string) === forge.pki.oids.messageDigest)
    const signedDigest = mdAttr ? (((mdAttr.value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[])[0].value as string) : null
    if (signedDigest !== digest) return { ok: false, detail: 'the document digest does not match the signed digest: the PDF was altered' }
    // The signature is over the DER of the signed attributes as a SET (tag 0x31).
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs)
    const md = forge.md.sha256.create()
    md.update(forge.asn1.toDer(set).getBytes())
    const pub = cert.publicKey as forge.pki.rsa.PublicKey
    if (!pub.verify(md.digest().bytes(), raw.signature)) return { ok: false, detail: 'the CMS signature does not verify with the embedded certificate' }
    const certDer = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes()
    const fp = createHash('sha256').update(Buffer.from(certDer, 'binary')).digest('hex')
    const cn = cert.subject.getField('CN') as { value: string } | null
    return { ok: true, detail: 'PDF signature valid, whole document signed', signer: cn?.value, certFingerprint: fp }
  } catch (e) {
    return { ok: false, detail: `the embedded signature could not be read: ${e instanceof Error ? e.message : String(e)}` }
  }
}
