/** Why a DNS exchange could not give an answer to use. NXDOMAIN and NODATA are answers, not errors. */
export type DnsErrorKind = 'timeout' | 'servfail' | 'refused' | 'formerr' | 'garbage' | 'network' | 'aborted' | 'no-servers'

/** A DNS failure with a message a person can read ("ns1.example.com (192.0.2.1:53) timed out after 2500 ms"). */
export class DnsError extends Error {
  constructor(
    readonly kind: DnsErrorKind,
    message: string,
    readonly server?: string,
  ) {
    super(message)
    this.name = 'DnsError'
  }
}

export function isDnsError(e: unknown): e is DnsError {
  return e instanceof DnsError
}

/** Errors that mean "this answer is not available now" (SPF temperror, check error). */
export function isTemporary(e: unknown): boolean {
  return isDnsError(e) && e.kind !== 'aborted'
}
