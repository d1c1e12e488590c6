import { createHash } from 'node:crypto'

export interface DnskeyData {
  flags: number
  algorithm: number
  /** Base64 (as the resolver records it). */
  key: string
}

export interface DsData {
  keyTag: number
  algorithm: number
  digestType: number
  /** Hex. */
  digest: string
}

/** DNSKEY RDATA: flags (2), protocol 3 (1), algorithm (1), public key. */
export function dnskeyRdata(k: DnskeyData): Buffer {
  const head = Buffer.alloc(4)
  head.writeUInt16BE(k.flags)
  head[2] = 3
  head[3] = k.algorithm
  return Buffer.concat([head, Buffer.from(k.key, 'base64')])
}

/** RFC 4034 appendix B key tag. */
export function keyTag(k: DnskeyData): number {
  const rd = dnskeyRdata(k)
  let ac = 0
  for (let i = 0; i < rd.length; i++) ac += i & 1 ? rd[i] : rd[i] << 8
  ac += (ac >> 16) & 0xffff
  return ac & 0xffff
}

/** Owner name in canonical wire format (lowercase labels). */
export function nameWire(name: string): Buffer {
  const labels = name.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean)
  return Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'ascii')])), Buffer.from([0])])
}

const DIGESTS: Record<number, string> = { 1: 'sha1', 2: 'sha256', 4: 'sha384' }

/** Whether a DS record is the digest of this DNSKEY for `zone` (RFC 4034 §5.1.4). */
export function dsMatches(zone: string, ds: DsData, k: DnskeyData): boolean {
  const alg = DIGESTS[ds.digestType]
  if (!alg || ds.algorithm !== k.algorithm || ds.keyTag !== keyTag(k)) return false
  const d = createHash(alg).update(Buffer.concat([nameWire(zone), dnskeyRdata(k)])).digest('hex')
  return d.toLowerCase() === ds.digest.toLowerCase()
}

/** A DS record for a key (used to build lab zones and tests). */
export function makeDs(zone: string, k: DnskeyData, digestType = 2): DsData {
  const d = createHash(DIGESTS[digestType]).update(Buffer.concat([nameWire(zone), dnskeyRdata(k)])).digest('hex')
  return { keyTag: keyTag(k), algorithm: k.algorithm, digestType, digest: d }
}
