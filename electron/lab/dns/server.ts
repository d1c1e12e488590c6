import dgram from 'node:dgram'
import net from 'node:net'
import * as dnsPacket from 'dns-packet'
import { ZoneData, type Reply } from './authority'
import { faultsFor, garbageFor } from './faults'
import type { ServedRecord } from './records'
import type { DnsData, DnsFault, DnsServer, DnsServerOptions } from './types'

export type { DnsRecord, DnsFault, DnsServer, DnsServerOptions } from './types'

const HOST = '127.0.0.1'

interface State {
  data: ZoneData
  faults: DnsFault[]
  latencyMs: number
}

/** dns-packet takes the rcode in the low four bits of flags. */
const RCODES: Record<Reply['rcode'], number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 }

const empty = (rcode: Reply['rcode']): Reply => ({ rcode, aa: false, answers: [], authorities: [], additionals: [] })

const toAnswer = (r: ServedRecord): dnsPacket.Answer => ({ name: r.name, type: r.type, class: 'IN', ttl: r.ttl, data: r.data }) as unknown as dnsPacket.Answer

/** Encode a reply to a query; `limit` > 0 truncates (TC=1, empty sections) when it does not fit. */
function encodeReply(q: dnsPacket.DecodedPacket, reply: Reply, recursive: boolean, limit: number): Buffer {
  const question = q.questions?.[0]
  const opt = (q.additionals ?? []).find((a) => a.type === 'OPT')
  const flags =
    (reply.aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) |
    (q.flag_rd ? dnsPacket.RECURSION_DESIRED : 0) |
    (recursive ? dnsPacket.RECURSION_AVAILABLE : 0) |
    RCODES[reply.rcode]
  const base = {
    type: 'response' as const,
    id: q.id,
    flags,
    questions: question ? [question] : [],
  }
  const optRec = opt ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0 } as unknown as dnsPacket.Answer] : []
  const full = dnsPacket.encode({
    ...base,
    answers: reply.answers.map(toAnswer),
    authorities: reply.authorities.map(toAnswer),
    additionals: [...reply.additionals.map(toAnswer), ...optRec],
  } as dnsPacket.Packet)
  if (!limit || full.length <= limit) return full
  return dnsPacket.encode({ ...base, flags: flags | dnsPacket.TRUNCATED_RESPONSE, additionals: optRec } as dnsPacket.Packet)
}

/**
 * Start an authoritative (or lab-"recursive") DNS server on one ephemeral port of 127.0.0.1,
 * UDP and TCP. Per-name faults: timeout, SERVFAIL, REFUSED, truncation, garbage, latency, no EDNS.
 */
export async function startDnsServer(o: DnsServerOptions): Promise<DnsServer> {
  const recursive = !!o.recursive
  const udpMax = o.udpMaxSize ?? 512
  const make = (d: DnsData): State => ({ data: new ZoneData(d.zones, d.records, recursive), faults: d.faults ?? [], latencyMs: d.latencyMs ?? 0 })
  let state = make(o)
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<net.Socket>()
  let closed = false

  /** Answer one query after its latency; a timeout fault (or a non-query) stays silent. */
  const respond = (msg: Buffer, tcp: boolean, send: (b: Buffer) => void): void => {
    let q: dnsPacket.DecodedPacket
    try {
      q = dnsPacket.decode(msg)
    } catch {
      return // not a DNS query: drop it, like a real server
    }
    const s = state
    const question = q.questions?.[0]
    const { fault, delayMs } = question ? faultsFor(s.faults, question.name, question.type) : { fault: undefined, delayMs: 0 }
    if (fault?.kind === 'timeout') return
    let out: Buffer
    try {
      out = replyBytes(s.data, q, fault, tcp)
    } catch {
      // Data the encoder cannot write is the server's failure, never a crash of the lab.
      out = encodeReply(q, empty('SERVFAIL'), recursive, 0)
    }
    const wait = s.latencyMs + delayMs
    if (wait <= 0) return send(out)
    const t = setTimeout(() => {
      timers.delete(t)
      if (!closed) send(out)
    }, wait)
    timers.add(t)
  }

  /** The bytes for one decoded query, faults applied. */
  const replyBytes = (data: ZoneData, q: dnsPacket.DecodedPacket, fault: DnsFault | undefined, tcp: boolean): Buffer => {
    const question = q.questions?.[0]
    if (!question) return encodeReply(q, empty('REFUSED'), recursive, 0)
    if (fault?.kind === 'garbage') return garbageFor(q.id ?? 0)
    if (fault?.kind === 'servfail') return encodeReply(q, empty('SERVFAIL'), recursive, 0)
    if (fault?.kind === 'refused') return encodeReply(q, empty('REFUSED'), recursive, 0)
    if (fault?.kind === 'nxdomain') return encodeReply(q, empty('NXDOMAIN'), recursive, 0)
    // A server from before EDNS (RFC 6891 §7): a query with an OPT record is a format error to it.
    const edns = (q.additionals ?? []).some((a) => a.type === 'OPT')
    if (fault?.kind === 'no-edns' && edns) return encodeReply({ ...q, additionals: [] }, empty('FORMERR'), recursive, 0)
    const reply = data.answer(question.name, question.type)
    if (fault?.kind !== 'truncate') return encodeReply(q, reply, recursive, tcp ? 0 : udpMax)
    // A truncation fault: TC=1 over UDP, and a packet cut short over TCP (so the retry breaks too).
    const full = encodeReply(q, reply, recursive, 0)
    return tcp ? full.subarray(0, Math.max(12, full.length >> 1)) : encodeReply(q, reply, recursive, 12)
  }

  const tcp = net.createServer((sock) => {
    sockets.add(sock)
    sock.on('close', () => sockets.delete(sock))
    sock.on('error', () => sock.destroy())
    let buf = Buffer.alloc(0)
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk])
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0)
        const msg = buf.subarray(2, 2 + len)
        buf = buf.subarray(2 + len)
        respond(msg, true, (b) => {
          if (sock.destroyed) return
          const head = Buffer.alloc(2)
          head.writeUInt16BE(b.length)
          sock.write(Buffer.concat([head, b]))
        })
      }
    })
  })
  const { port, udp } = await bindBoth(tcp)
  udp.on('message', (msg, rinfo) => respond(msg, false, (b) => !closed && udp.send(b, rinfo.port, rinfo.address)))
  udp.on('error', () => {})
  return {
    host: HOST,
    port,
    setData(d) {
      state = make(d)
    },
    async close() {
      if (closed) return
      closed = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
      for (const s of sockets) s.destroy()
      await Promise.all([new Promise<void>((r) => tcp.close(() => r())), new Promise<void>((r) => udp.close(() => r()))])
    },
  }
}

/** Bind TCP on an ephemeral port, then UDP on the same number (retry if UDP's is taken). */
async function bindBoth(tcp: net.Server): Promise<{ port: number; udp: dgram.Socket }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await new Promise<void>((res, rej) => {
      tcp.once('error', rej)
      tcp.listen(0, HOST, () => {
        tcp.off('error', rej)
        res()
      })
    })
    const port = (tcp.address() as net.AddressInfo).port
    const udp = dgram.createSocket('udp4')
    const ok = await new Promise<boolean>((res) => {
      const onErr = () => res(false)
      udp.once('error', onErr)
      udp.bind(port, HOST, () => {
        udp.off('error', onErr)
        res(true)
      })
    })
    if (ok) return { port, udp }
    try {
      udp.close()
    } catch {
      // never bound
    }
    await new Promise<void>((r) => tcp.close(() => r()))
  }
  throw new Error('could not bind UDP and TCP on the same port')
}
