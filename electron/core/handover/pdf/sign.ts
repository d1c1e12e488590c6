import { randomBytes } from 'node:crypto'
import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'
import { toP12, type CertKeys } from '../cert'

export interface PdfSignOptions {
  name: string
  email: string
  reason: string
  location: string
  signingTime?: Date
}

/**
 * Embed a detached CMS/PKCS#7 signature (adbe.pkcs7.detached, SHA-256) covering the whole
 * document. The P12 exists only in memory, under a throwaway passphrase.
 */
export async function signPdf(pdf: Buffer, keys: CertKeys, o: PdfSignOptions): Promise<Buffer> {
  const passphrase = randomBytes(16).toString('hex')
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: o.reason,
    contactInfo: o.email,
    name: o.name,
    location: o.location,
    signingTime: o.signingTime,
    signatureLength: 8192,
    appName: 'HandoverConsole', // written as a PDF name: no spaces
  })
  const signer = new P12Signer(toP12(keys, passphrase), { passphrase })
  return new SignPdf().sign(fixStartXref(withPlaceholder), signer, o.signingTime)
}

/**
 * @signpdf/placeholder-plain writes the incremental update's `startxref` one byte early (at
 * the newline before `xref`), which strict readers such as `qpdf --check` report. Point it at
 * the last `xref` keyword. It sits after everything else, so no other offset moves.
 */
export function fixStartXref(pdf: Buffer): Buffer {
  const tail = pdf.lastIndexOf('startxref')
  const xref = pdf.lastIndexOf('\nxref\n', tail) + 1
  const m = /^startxref\n(\d+)\n%%EOF\s*$/.exec(pdf.subarray(tail).toString('latin1'))
  if (tail < 0 || xref <= 0 || !m || Number(m[1]) === xref) return pdf
  return Buffer.concat([pdf.subarray(0, tail), Buffer.from(`startxref\n${xref}\n%%EOF`, 'latin1')])
}
