import { generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'

/** A throwaway PKI for tests: one RSA key, a CA, and leaves with chosen names and validity. */
export interface TestPki {
  caPem: string
  keyPem: string
  /** A leaf for `names`, valid from `fromDays` to `toDays` relative to now, signed by the CA (or itself). */
  leaf(names: string[], o?: { fromDays?: number; toDays?: number; selfSigned?: boolean }): string
}

const DAY = 86_400_000

/** Build a test CA (node crypto key, node-forge certificates). */
export function makePki(bits = 2048): TestPki {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits })
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const key = forge.pki.privateKeyFromPem(keyPem)
  const pub = forge.pki.setRsaPublicKey(key.n, key.e)
  const caAttrs = [{ name: 'commonName', value: 'Handover Test CA' }]
  const ca = forge.pki.createCertificate()
  ca.publicKey = pub
  ca.serialNumber = '01'
  ca.validity.notBefore = new Date(Date.now() - 10 * DAY)
  ca.validity.notAfter = new Date(Date.now() + 3650 * DAY)
  ca.setSubject(caAttrs)
  ca.setIssuer(caAttrs)
  ca.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }])
  ca.sign(key, forge.md.sha256.create())
  let serial = 2
  return {
    caPem: forge.pki.certificateToPem(ca),
    keyPem,
    leaf(names, o = {}) {
      const c = forge.pki.createCertificate()
      c.publicKey = pub
      c.serialNumber = (serial++).toString(16).padStart(2, '0')
      c.validity.notBefore = new Date(Date.now() + (o.fromDays ?? -1) * DAY)
      c.validity.notAfter = new Date(Date.now() + (o.toDays ?? 90) * DAY)
      c.setSubject([{ name: 'commonName', value: names[0] }])
      c.setIssuer(o.selfSigned ? [{ name: 'commonName', value: names[0] }] : caAttrs)
      c.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: names.map((n) => ({ type: 2, value: n })) },
      ])
      c.sign(key, forge.md.sha256.create())
      return forge.pki.certificateToPem(c)
    },
  }
}
