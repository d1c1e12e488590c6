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
  return new SignPdf().sign(withPlaceholder, signer, o.signingTime)
}
