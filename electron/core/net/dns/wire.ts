import dgram from 'node:dgram'
import net from 'node:net'
import { randomInt } from 'node:crypto'
import * as dnsPacket from 'dns-packet'
import { DnsError } from './errors'
import type { DnsFlags, DnsRecord, DnsResponse } from './types'

/** Our advertised EDNS0 UDP payload size (the DNS flag day 2020 value). */
export const EDNS_UDP_SIZE = 1232
const TCP_MAX = 65_535 + 2

export interface Exchange {
  host: string
  port: number
  name: string
  type: string
  rd: boolean
  dnssec: boolean
  timeoutMs: number
  signal?: AbortSignal
  /** Send the EDNS0 OPT record (default); off only to retry a server that predates EDNS. */
  edns?: boolean
}

/** Build the query packet: one question, EDNS0 OPT (unless `edns` is false), optional DO bit. */
export function buildQuery(id: number, name: string, type: string, rd: boolean, dnssec: boolean, edns = true): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: rd ? dnsPacket.RECURSION_DESIRED : 0,
    questions: [{ type: type as dnsPacket.RecordType, name, class: 'IN' }],
    additionals: edns ? [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE, flags: dnssec ? dnsPacket.DNSSEC_OK : 0 } as unknown as dnsPacket.Answer] : [],
  })
}

const lower = (s: string) => s.toLowerCase().replace(/\.$/, '')

/**
 * Decode a reply and check it belongs to our query (id, QR, question); anything else is
 * `garbage` so a spoofed or broken answer is never used.
 */
export function parseReply(buf: Buffer, id: number, name: string, type: string, server: string): dnsPacket.DecodedPacket {
  let p: dnsPacket.DecodedPacket
  try {
    p = dnsPacket.decode(buf)
  } catch (e) {
    throw new DnsError('garbage', `${server} sent an unreadable answer for ${name} ${type} (${(e as Error).message})`, server)
  }
  if (p.id !== id) throw new DnsError('garbage', `${server} answered with the wrong query id for ${name} ${type}`, server)
  if (!p.flag_qr) throw new DnsError('garbage', `${server} sent a query instead of an answer for ${name} ${type}`, server)
  const q = p.questions?.[0]
  if (!q || lower(q.name) !== lower(name) || q.type !== type) {
    throw new DnsError('garbage', `${server} answered a different question than ${name} ${type}`, server)
  }
  return p
}

function toRecords(list: dnsPacket.Answer[] | undefined): DnsRecord[] {
  return (list ?? [])
    .filter((a) => a.type !== 'OPT')
    .map((a) => {
      const r = a as { name: string; type: string; ttl?: number; data: unknown }
      return { name: lower(r.name), type: r.type, ttl: r.ttl ?? 0, data: plain(r.data) }
    })
}

/** Buffers become strings (TXT) or hex so evidence is plain JSON. */
function plain(d: unknown): unknown {
  if (Buffer.isBuffer(d)) return d.toString('utf8')
  if (Array.isArray(d)) return d.map(plain)
  if (d && typeof d === 'object') {
    const o: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(d)) o[k] = Buffer.isBuffer(v) ? v.toString(k === 'key' || k === 'signature' ? 'base64' : 'hex') : plain(v)
    return o
  }
  return d
}

/** Turn a decoded packet into the evidence shape. */
export function toResponse(p: dnsPacket.DecodedPacket, server: string, transport: DnsResponse['transport'], name: string, type: string, ms: number): DnsResponse {
  const flags: DnsFlags = { aa: p.flag_aa, tc: p.flag_tc, rd: p.flag_rd, ra: p.flag_ra, ad: p.flag_ad, cd: p.flag_cd }
  const rcode = String((p as unknown as { rcode?: string }).rcode ?? 'NOERROR')
  return {
    server,
    transport,
    question: { name: lower(name), type },
    rcode,
    flags,
    answers: toRecords(p.answers),
    authorities: toRecords(p.authorities),
    additionals: toRecords(p.additionals),
    ms,
  }
}

function abortable<T>(x: Exchange, server: string, start: (done: (e: Error | null, v?: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let finished = false
    let cleanup = () => {}
    const finish = (e: Error | null, v?: T) => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      x.signal?.removeEventListener('abort', onAbort)
      cleanup()
      if (e) reject(e)
      else resolve(v as T)
    }
    const onAbort = () => finish(new DnsError('aborted', `query for ${x.name} ${x.type} was cancelled`, server))
    // After a busy event loop, timers run before pending socket reads: give a reply already
    // waiting in the socket one poll phase to arrive before calling it a timeout.
    const timer = setTimeout(() => setImmediate(() => finish(new DnsError('timeout', `${server} did not answer ${x.name} ${x.type} within ${x.timeoutMs} ms`, server))), x.timeoutMs)
    if (x.signal?.aborted) return onAbort()
    x.signal?.addEventListener('abort', onAbort, { once: true })
    cleanup = start(finish)
  })
}

/** One UDP exchange; replies that fail id/question matching are ignored (could be spoofed), keep waiting. */
export function udpExchange(x: Exchange, id = randomInt(0, 65_536)): Promise<{ buf: Buffer; id: number }> {
  const server = fmt(x.host, x.port)
  return abortable<{ buf: Buffer; id: number }>(x, server, (done) => {
    const sock = dgram.createSocket(net.isIPv6(x.host) ? 'udp6' : 'udp4')
    let lastGarbage: Error | null = null
    sock.on('error', (e) => done(new DnsError('network', `${server}: ${e.message}`, server)))
    sock.on('message', (msg) => {
      try {
        parseReply(msg, id, x.name, x.type, server)
        done(null, { buf: msg, id })
      } catch (e) {
        lastGarbage = e as Error
        // An unreadable packet from the server itself: report it rather than wait for a timeout.
        if ((e as DnsError).message.includes('unreadable')) done(lastGarbage)
      }
    })
    const q = buildQuery(id, x.name, x.type, x.rd, x.dnssec, x.edns ?? true)
    sock.send(q, x.port, x.host, (e) => e && done(new DnsError('network', `${server}: ${e.message}`, server)))
    return () => sock.close()
  })
}

/** One TCP exchange (2-byte length framing). */
export function tcpExchange(x: Exchange, id = randomInt(0, 65_536)): Promise<{ buf: Buffer; id: number }> {
  const server = fmt(x.host, x.port)
  return abortable<{ buf: Buffer; id: number }>(x, server, (done) => {
    const sock = net.connect({ host: x.host, port: x.port })
    const chunks: Buffer[] = []
    let size = 0
    sock.on('connect', () => {
      const q = buildQuery(id, x.name, x.type, x.rd, x.dnssec, x.edns ?? true)
      const len = Buffer.alloc(2)
      len.writeUInt16BE(q.length)
      sock.write(Buffer.concat([len, q]))
    })
    sock.on('data', (d) => {
      chunks.push(d)
      size += d.length
      if (size > TCP_MAX) return done(new DnsError('garbage', `${server} sent an oversized TCP answer`, server))
      const all = Buffer.concat(chunks)
      if (all.length >= 2 && all.length >= 2 + all.readUInt16BE(0)) done(null, { buf: all.subarray(2, 2 + all.readUInt16BE(0)), id })
    })
    sock.on('error', (e) => done(new DnsError('network', `${server}: ${e.message}`, server)))
    sock.on('end', () => done(new DnsError('garbage', `${server} closed the TCP connection before a full answer`, server)))
    return () => sock.destroy()
  })
}

/** "ip:port", IPv6 in brackets. */
export function fmt(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`
}

/** Parse "ip", "ip:port", "[v6]:port" (default port 53). */
export function parseServer(s: string): { host: string; port: number } {
  const t = s.trim()
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(t)
  if (v6) return { host: v6[1], port: v6[2] ? Number(v6[2]) : 53 }
  if (net.isIPv6(t)) return { host: t, port: 53 }
  const i = t.lastIndexOf(':')
  if (i > 0) return { host: t.slice(0, i), port: Number(t.slice(i + 1)) || 53 }
  return { host: t, port: 53 }
}
