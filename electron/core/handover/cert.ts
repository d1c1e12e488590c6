import forge from 'node-forge'

export interface CertKeys {
  certPem: string
  keyPem: string
}

/**
 * An RSA-2048 key and a self-signed X.509 certificate (10 years) for PDF signatures. Readers
 * will say the issuer is unknown; the fingerprint printed in the PDF and VERIFY.txt is what a
 * founder compares.
 */
export function makeSelfSignedCert(name: string, email: string): CertKeys {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(15))
  cert.validity.notBefore = new Date(Date.now() - 60_000)
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000)
  const attrs: forge.pki.CertificateField[] = [
    { name: 'commonName', value: name },
    { name: 'organizationName', value: 'Handover Console signer' },
  ]
  if (email) attrs.push({ name: 'emailAddress', value: email })
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) }
}

/** A PKCS#12 (in memory only) from a key and certificate, as @signpdf/signer-p12 wants it. */
export function toP12(keys: CertKeys, passphrase: string): Buffer {
  const key = forge.pki.privateKeyFromPem(keys.keyPem)
  const cert = forge.pki.certificateFromPem(keys.certPem)
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' })
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
}
