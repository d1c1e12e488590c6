/** A record the lab serves: data in dns-packet's shape for the type (or zone-file text). */
export interface DnsRecord {
  name: string
  type: string
  ttl?: number
  /** dns-packet's data shape; TXT/SPF: string | string[] (multi-string) | Buffer(s); many types also accept zone-file text. */
  data: unknown
}

/** A misbehaviour for one name (optionally one type); `*` in the name matches any characters (`*.x`, `error.*`). */
export interface DnsFault {
  name: string
  type?: string
  /** The fault does not apply to these types (e.g. a TIMEOUT entry after a record of that type). */
  exceptTypes?: string[]
  kind: 'timeout' | 'servfail' | 'refused' | 'nxdomain' | 'truncate' | 'garbage' | 'latency' | 'no-edns'
  /** Added delay for `latency`. */
  ms?: number
}

export interface DnsServerOptions {
  zones: string[]
  records: DnsRecord[]
  faults?: DnsFault[]
  /** Added to every answer. */
  latencyMs?: number
  /** Default 512: larger answers get TC=1 over UDP. */
  udpMaxSize?: number
  /**
   * A "recursive" view: RA set, AA clear, names outside every zone answer NXDOMAIN instead of
   * REFUSED (so a CNAME to an unclaimed third-party service looks like it does from a real resolver).
   */
  recursive?: boolean
}

export type DnsData = Pick<DnsServerOptions, 'zones' | 'records' | 'faults' | 'latencyMs'>

export interface DnsServer {
  host: string
  port: number
  setData(o: DnsData): void
  close(): Promise<void>
}
