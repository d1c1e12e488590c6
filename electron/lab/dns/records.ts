import type { DnsRecord } from './types'

/** A record normalised for dns-packet: lower-cased key, data in the encoder's shape. */
export interface ServedRecord {
  name: string
  key: string
  type: string
  ttl: number
  data: unknown
}

export const DEFAULT_TTL = 300

/** Lower-case, no trailing dot: how names are compared. */
export const keyOf = (name: string): string => name.toLowerCase().replace(/\.$/, '')

/**
 * Bytes for a TXT string: text whose characters all fit in one byte is taken byte for byte
 * (the RFC 7208 suite writes raw bytes as \xNN escapes); anything wider is UTF-8.
 */
export function textBytes(s: string): Buffer {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u00ff]*$/.test(s) ? Buffer.from(s, 'latin1') : Buffer.from(s, 'utf8')
}

/** TXT data as character-strings of at most 255 bytes (a long single string is split). */
export function txtChunks(data: unknown): Buffer[] {
  const parts = Array.isArray(data) ? data : [data]
  const out: Buffer[] = []
  for (const p of parts) {
    const b = Buffer.isBuffer(p) ? p : textBytes(String(p ?? ''))
    if (b.length === 0) out.push(b)
    for (let i = 0; i < b.length; i += 255) out.push(b.subarray(i, i + 255))
  }
  return out
}

/** TXT rdata as raw bytes (for type SPF, which dns-packet has no encoder for). */
export function txtRdata(chunks: Buffer[]): Buffer {
  return Buffer.concat(chunks.flatMap((c) => [Buffer.from([c.length]), c]))
}

const words = (s: string): string[] => s.trim().split(/\s+/)
const bytes = (v: unknown, enc: 'hex' | 'base64'): Buffer =>
  Buffer.isBuffer(v) ? v : Buffer.from(String(v).replace(/\s+/g, ''), enc)

/** Turn one record (structured or zone-file text) into dns-packet's data shape; throws on nonsense. */
export function normalizeData(type: string, data: unknown): unknown {
  const t = type.toUpperCase()
  const text = typeof data === 'string' ? data : undefined
  switch (t) {
    case 'A':
    case 'AAAA':
      return String(data)
    case 'CNAME':
    case 'NS':
    case 'PTR':
    case 'DNAME':
      return keyOf(String(data)) || '.'
    case 'TXT':
      return txtChunks(data)
    case 'SPF':
      return txtRdata(txtChunks(data))
    case 'MX': {
      if (Array.isArray(data)) return { preference: Number(data[0]), exchange: keyOf(String(data[1])) || '.' }
      if (text) {
        const [p, e] = words(text)
        return { preference: Number(p), exchange: keyOf(e ?? '') || '.' }
      }
      const o = data as { preference: number; exchange: string }
      return { preference: Number(o.preference), exchange: keyOf(o.exchange) || '.' }
    }
    case 'SOA': {
      if (text) {
        const [mname, rname, serial, refresh, retry, expire, minimum] = words(text)
        return { mname: keyOf(mname), rname: keyOf(rname), serial: +serial, refresh: +refresh, retry: +retry, expire: +expire, minimum: +minimum }
      }
      return data
    }
    case 'CAA': {
      if (text) {
        const m = /^(\d+)\s+(\S+)\s+"?(.*?)"?$/.exec(text.trim())
        if (!m) throw new Error(`CAA "${text}" is not: flags tag "value"`)
        return { flags: +m[1], tag: m[2], value: m[3], issuerCritical: (+m[1] & 128) !== 0 }
      }
      const o = data as { flags?: number; tag: string; value: string }
      return { flags: o.flags ?? 0, tag: o.tag, value: o.value, issuerCritical: ((o.flags ?? 0) & 128) !== 0 }
    }
    case 'DS': {
      if (text) {
        const [keyTag, algorithm, digestType, ...digest] = words(text)
        return { keyTag: +keyTag, algorithm: +algorithm, digestType: +digestType, digest: bytes(digest.join(''), 'hex') }
      }
      const o = data as { keyTag: number; algorithm: number; digestType: number; digest: unknown }
      return { ...o, digest: bytes(o.digest, 'hex') }
    }
    case 'DNSKEY': {
      if (text) {
        const [flags, , algorithm, ...key] = words(text)
        return { flags: +flags, algorithm: +algorithm, key: bytes(key.join(''), 'base64') }
      }
      const o = data as { flags: number; algorithm: number; key: unknown }
      return { ...o, key: bytes(o.key, 'base64') }
    }
    case 'SRV': {
      if (text) {
        const [priority, weight, port, target] = words(text)
        return { priority: +priority, weight: +weight, port: +port, target: keyOf(target) }
      }
      return data
    }
    default:
      return data
  }
}

/** Normalise a list of records (names compared case-insensitively, TTL defaulted). */
export function normalizeRecords(records: DnsRecord[]): ServedRecord[] {
  return records.map((r) => ({
    name: r.name.replace(/\.$/, ''),
    key: keyOf(r.name),
    type: r.type.toUpperCase(),
    ttl: r.ttl ?? DEFAULT_TTL,
    data: normalizeData(r.type, r.data),
  }))
}
