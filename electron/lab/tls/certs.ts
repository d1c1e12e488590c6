import forge from 'node-forge'
import type { CertSpec } from '../scenario/web-schema'
import { rogueCa, serial, type Ca } from './ca'
import { labKey } from './keys'

export interface HostCert {
  /** Leaf certificate PEM. */
  certPem: string
  keyPem: string
}

const DAY = 86_400_000

/** Validity window for a certificate kind. */
function validity(spec: CertSpec, now: number): { from: number; to: number } {
  switch (spec.kind) {
    case 'expiring':
      return { from: now - 60 * DAY, to: now + (spec.days ?? 10) * DAY }
    case 'expired':
      return { from: now - 120 * DAY, to: now - (spec.days ?? 5) * DAY }
    case 'not-yet-valid':
      return { from: now + (spec.days ?? 5) * DAY, to: now + 95 * DAY }
    default:
      return { from: now - DAY, to: now + 89 * DAY }
  }
}

/**
 * Issue a host certificate as the scenario says: valid, expiring in N days, expired,
 * not-yet-valid, wrong-name, self-signed, or from an unknown CA.
 */
export function issueHostCert(host: string, spec: CertSpec, ca: Ca, now = Date.now()): HostCert {
  const key = labKey('leaf')
  const names = spec.names ?? (spec.kind === 'wrong-name' ? [`unrelated-${host.split('.')[0]}.invalid`] : [host])
  const cert = forge.pki.createCertificate()
  cert.publicKey = key.publicKey
  cert.serialNumber = serial()
  const { from, to } = validity(spec, now)
  cert.validity.notBefore = new Date(from)
  cert.validity.notAfter = new Date(to)
  const subject = [{ name: 'commonName', value: names[0] }]
  cert.setSubject(subject)
  const issuer = spec.kind === 'self-signed' ? null : spec.kind === 'unknown-ca' ? rogueCa() : ca
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: names.map((n) => (/^[\d.]+$/.test(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(issuer ? issuer.key.signer : key.signer, forge.md.sha256.create())
  return { certPem: forge.pki.certificateToPem(cert), keyPem: key.privateKeyPem }
}
