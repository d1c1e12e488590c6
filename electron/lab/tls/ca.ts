import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import forge from 'node-forge'
import { fromPem, labKey, type KeyPair } from './keys'

/** The CAA issuer domain name of the lab CA (what a CAA `issue` record must allow). */
export const LAB_CA_CAA = 'lab-ca.example'
export const LAB_CA_NAME = 'Handover Lab CA'

export interface Ca {
  cert: forge.pki.Certificate
  certPem: string
  key: KeyPair
}

const DAY = 86_400_000

/** A random positive serial number (hex). */
export function serial(): string {
  return '01' + forge.util.bytesToHex(forge.random.getBytesSync(15))
}

/** Make a self-signed CA certificate. */
export function makeCa(commonName: string, key: KeyPair, now = Date.now()): Ca {
  const cert = forge.pki.createCertificate()
  cert.publicKey = key.publicKey
  cert.serialNumber = serial()
  cert.validity.notBefore = new Date(now - DAY)
  cert.validity.notAfter = new Date(now + 3650 * DAY)
  const attrs = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Handover Lab' },
    { name: 'organizationalUnitName', value: `CAA ${LAB_CA_CAA}` },
  ]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(key.signer, forge.md.sha256.create())
  return { cert, certPem: forge.pki.certificateToPem(cert), key }
}

/**
 * The lab CA: new per lab start, or kept in `dir` (ca.pem, ca-key.pem) and reused while valid,
 * so a consultant can trust it once.
 */
export function labCa(dir?: string): Ca {
  if (dir) {
    const certFile = path.join(dir, 'lab-ca.pem')
    const keyFile = path.join(dir, 'lab-ca-key.pem')
    if (existsSync(certFile) && existsSync(keyFile)) {
      const cert = forge.pki.certificateFromPem(readFileSync(certFile, 'utf8'))
      if (cert.validity.notAfter.getTime() > Date.now() + 30 * DAY) return { cert, certPem: forge.pki.certificateToPem(cert), key: fromPem(readFileSync(keyFile, 'utf8')) }
    }
    const ca = makeCa(LAB_CA_NAME, labKey('ca'))
    mkdirSync(dir, { recursive: true })
    writeFileSync(keyFile, ca.key.privateKeyPem, { mode: 0o600 })
    writeFileSync(certFile, ca.certPem)
    return ca
  }
  return makeCa(LAB_CA_NAME, labKey('ca'))
}

let rogue: Ca | undefined
/** A CA no profile trusts: issues the `unknown-ca` certificates. */
export function rogueCa(): Ca {
  return (rogue ??= makeCa('Unknown Rogue CA', labKey('rogue')))
}
