import type { RecordType } from 'dns-packet'

/** One resource record as evidence keeps it: owner, type, TTL and dns-packet's data shape. */
export interface DnsRecord {
  name: string
  type: string
  ttl: number
  data: unknown
}

export interface DnsFlags {
  aa: boolean
  tc: boolean
  rd: boolean
  ra: boolean
  ad: boolean
  cd: boolean
}

/** A complete DNS exchange, recorded so a person can see what each server said and when. */
export interface DnsResponse {
  /** "ip:port" actually asked (after connect-to), or the DoH URL. */
  server: string
  /** The name the server was known by (an NS name), when different from `server`. */
  serverName?: string
  transport: 'udp' | 'tcp' | 'doh'
  /** The server answered FORMERR to EDNS, and this answer came to a plain query without it. */
  ednsFallback?: true
  question: { name: string; type: string }
  rcode: string
  flags: DnsFlags
  answers: DnsRecord[]
  authorities: DnsRecord[]
  additionals: DnsRecord[]
  ms: number
}

export interface QueryOptions {
  /** Ask this server ("ip:port" or a host name resolved first) instead of the recursive set. */
  server?: string
  /** Recursion desired (default true; authoritative queries send false). */
  rd?: boolean
  /** Set the DNSSEC OK bit (for DNSKEY/DS/RRSIG). */
  dnssec?: boolean
  signal?: AbortSignal
}

export type QType = RecordType
