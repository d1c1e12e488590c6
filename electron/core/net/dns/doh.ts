import { Agent, request } from 'undici'
import type { ConnectToRule } from '../profile'
import { applyConnectTo } from '../profile'
import { DnsError } from './errors'
import { buildQuery } from './wire'

export interface DohOptions {
  url: string
  connectTo: ConnectToRule[]
  extraCaPem: string[]
  timeoutMs: number
  signal?: AbortSignal
}

/**
 * One RFC 8484 exchange: POST application/dns-message. The connect-to map and extra CAs apply
 * as for any HTTPS request; the original host stays the TLS server name and Host header.
 */
export async function dohExchange(o: DohOptions, name: string, type: string, dnssec: boolean): Promise<{ buf: Buffer; id: number }> {
  const u = new URL(o.url)
  const port = Number(u.port) || (u.protocol === 'http:' ? 80 : 443)
  const to = applyConnectTo(o.connectTo, u.hostname, port)
  const target = new URL(o.url)
  target.hostname = to.host
  target.port = String(to.port)
  // DoH uses id 0 (RFC 8484 §4.1) so answers are cacheable.
  const id = 0
  const body = buildQuery(id, name, type, true, dnssec)
  const agent = new Agent({ connect: { servername: u.hostname, ...(o.extraCaPem.length ? { ca: o.extraCaPem } : {}) } })
  const signals = [AbortSignal.timeout(o.timeoutMs), ...(o.signal ? [o.signal] : [])]
  try {
    const res = await request(target, {
      method: 'POST',
      headers: { host: u.host, 'content-type': 'application/dns-message', accept: 'application/dns-message' },
      body,
      dispatcher: agent,
      signal: AbortSignal.any(signals),
    })
    const buf = Buffer.from(await res.body.arrayBuffer())
    if (res.statusCode !== 200) throw new DnsError('servfail', `${o.url} answered HTTP ${res.statusCode} for ${name} ${type}`, o.url)
    return { buf, id }
  } catch (e) {
    if (e instanceof DnsError) throw e
    if (o.signal?.aborted) throw new DnsError('aborted', `query for ${name} ${type} was cancelled`, o.url)
    const msg = (e as Error).name === 'TimeoutError' ? `did not answer within ${o.timeoutMs} ms` : (e as Error).message
    throw new DnsError((e as Error).name === 'TimeoutError' ? 'timeout' : 'network', `${o.url}: ${msg}`, o.url)
  } finally {
    void agent.close()
  }
}
