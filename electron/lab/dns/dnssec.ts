import { createHash } from 'node:crypto'

/** A fake but well-formed KSK for a zone: flags 257, protocol 3, algorithm 13, 64 key bytes. */
export interface FakeDnskey {
  flags: number
  algorithm: number
  key: Buffer
}

export interface DsData {
  keyTag: number
  algorithm: number
  digestType: number
  digest: Buffer
}

/** Owner name in canonical wire form (lower case), as RFC 4034 §6.2 wants. */
export function canonicalName(name: string): Buffer {
  const labels = name.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean)
  return Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([Buffer.byteLength(l)]), Buffer.from(l)])), Buffer.from([0])])
}

/** DNSKEY RDATA: flags, protocol 3, algorithm, public key. */
export function dnskeyRdata(k: FakeDnskey): Buffer {
  const head = Buffer.alloc(4)
  head.writeUInt16BE(k.flags, 0)
  head[2] = 3
  head[3] = k.algorithm
  return Buffer.concat([head, k.key])
}

/** RFC 4034 Appendix B key tag. */
export function keyTag(rdata: Buffer): number {
  let ac = 0
  for (let i = 0; i < rdata.length; i++) ac += i & 1 ? rdata[i] : rdata[i] << 8
  ac += (ac >> 16) & 0xffff
  return ac & 0xffff
}

/** A deterministic fake key for a zone (the lab never signs anything; checkers compare DS and DNSKEY). */
export function fakeDnskey(zone: string): FakeDnskey {
  const a = createHash('sha256').update(`lab-ksk:${zone}`).digest()
  const b = createHash('sha256').update(`lab-ksk2:${zone}`).digest()
  return { flags: 257, algorithm: 13, key: Buffer.concat([a, b]) }
}

/** The DS for a DNSKEY per RFC 4034 §5.1.4 with SHA-256: digest = SHA-256(owner | DNSKEY RDATA). */
export function dsFor(zone: string, k: FakeDnskey): DsData {
  const rdata = dnskeyRdata(k)
  const digest = createHash('sha256').update(Buffer.concat([canonicalName(zone), rdata])).digest()
  return { keyTag: keyTag(rdata), algorithm: k.algorithm, digestType: 2, digest }
}
