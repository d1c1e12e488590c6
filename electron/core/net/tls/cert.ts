import { X509Certificate } from 'node:crypto'
import type { PeerCertificate, DetailedPeerCertificate } from 'node:tls'

/** What evidence keeps about one certificate of the peer chain. */
export interface CertInfo {
  subject: string
  issuer: string
  san: string[]
  validFrom: string
  validTo: string
  /** Whole days until notAfter (negative once expired). */
  daysLeft: number
  serial: string
  fingerprint256: string
  keyType: string
  keyBits?: number
  curve?: string
  selfSigned: boolean
  pem: string
}

function pemOf(raw: Buffer): string {
  const b64 = raw.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${b64.join('\n')}\n-----END CERTIFICATE-----\n`
}

/** Describe one certificate: names, validity, days left at `now`, key type and size. */
export function describeCert(raw: Buffer, now = Date.now()): CertInfo {
  const x = new X509Certificate(raw)
  const key = x.publicKey
  const d = key.asymmetricKeyDetails ?? {}
  const san = (x.subjectAltName ?? '')
    .split(/,\s*/)
    .filter((s) => s.startsWith('DNS:') || s.startsWith('IP Address:'))
    .map((s) => s.replace(/^DNS:|^IP Address:/, ''))
  const validTo = new Date(x.validTo)
  return {
    subject: x.subject.replace(/\n/g, ', '),
    issuer: x.issuer.replace(/\n/g, ', '),
    san,
    validFrom: new Date(x.validFrom).toISOString(),
    validTo: validTo.toISOString(),
    // Nearest whole day: a certificate issued for 5 days reads 5 moments later, not 4.
    daysLeft: Math.round((validTo.getTime() - now) / 86_400_000),
    serial: x.serialNumber,
    fingerprint256: x.fingerprint256,
    keyType: key.asymmetricKeyType ?? 'unknown',
    ...(d.modulusLength ? { keyBits: d.modulusLength } : {}),
    ...(d.namedCurve ? { curve: d.namedCurve } : {}),
    selfSigned: x.subject === x.issuer && x.checkIssued(x),
    pem: pemOf(raw),
  }
}

/** The peer chain from leaf upwards, as Node links it (stops at a self-reference). */
export function peerChain(leaf: DetailedPeerCertificate | PeerCertificate): Buffer[] {
  const out: Buffer[] = []
  const seen = new Set<string>()
  let c: DetailedPeerCertificate | undefined = leaf as DetailedPeerCertificate
  for (let i = 0; c && c.raw && i < 10; i++) {
    if (seen.has(c.fingerprint256)) break
    seen.add(c.fingerprint256)
    out.push(c.raw)
    c = c.issuerCertificate
  }
  return out
}
