import forge from 'node-forge'

export interface CertKeys {
  certPem: string
  keyPem: string
}

/** Who a certificate names: the consultant's details as set in Settings or `identity set`. */
export interface CertSubject {
  name: string
  email: string
  organisation: string
  website: string
}

/**
 * A self-signed X.509 certificate (10 years) for PDF signatures, naming the consultant: CN the
 * name, O the organisation, the email, and the email and website as subject alternative names.
 * With `keyPem` the certificate is re-issued for that RSA key (new details, same key); without
 * it a new RSA-2048 key is made. Readers will say the issuer is unknown; the key fingerprint
 * printed in the PDF and VERIFY.txt is what a founder compares.
 */
export function makeSelfSignedCert(s: CertSubject, keyPem?: string): CertKeys {
  let privateKey: forge.pki.rsa.PrivateKey
  let publicKey: forge.pki.rsa.PublicKey
  if (keyPem) {
    privateKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey
    publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e)
  } else {
    ;({ privateKey, publicKey } = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }))
  }
  const cert = forge.pki.createCertificate()
  cert.publicKey = publicKey
  cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(15))
  cert.validity.notBefore = new Date(Date.now() - 60_000)
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000)
  const attrs: forge.pki.CertificateField[] = [field('commonName', s.name, forge.asn1.Type.UTF8)]
  if (s.organisation) attrs.push(field('organizationName', s.organisation, forge.asn1.Type.UTF8))
  if (s.email) attrs.push(field('emailAddress', s.email, forge.asn1.Type.IA5STRING))
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  const altNames = [...(s.email ? [{ type: 1, value: s.email }] : []), ...(s.website ? [{ type: 6, value: s.website }] : [])]
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    ...(altNames.length ? [{ name: 'subjectAltName', altNames }] : []),
  ])
  cert.sign(privateKey, forge.md.sha256.create())
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keyPem ?? forge.pki.privateKeyToPem(privateKey) }
}

/** A subject field with its ASN.1 string type (UTF8String for names, so "Zoë" survives; forge's typings call the type a class). */
function field(name: string, value: string, type: forge.asn1.Type): forge.pki.CertificateField {
  return { name, value, valueTagClass: type as number as forge.asn1.Class }
}

/** A PKCS#12 (in memory only) from a key and certificate, as @signpdf/signer-p12 wants it. */
export function toP12(keys: CertKeys, passphrase: string): Buffer {
  const key = forge.pki.privateKeyFromPem(keys.keyPem)
  const cert = forge.pki.certificateFromPem(keys.certPem)
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' })
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
}
