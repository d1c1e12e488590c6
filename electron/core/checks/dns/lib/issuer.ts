import type { TlsProber } from '../../../net/tls/probe'

/** Who issued the certificate a host serves: organisation and common name, or an error. */
export interface Issuer {
  host: string
  organization?: string
  commonName?: string
  /** Organizational unit: a CA may name its CAA identifier there ("CAA <domain>"). */
  unit?: string
  error?: string
}

/**
 * Read the issuer of the certificate served on host:443 (no trust decision: tls.cert judges
 * that), through the run's TLS prober: its resolver, connect-to routing and egress policy.
 */
export async function peekIssuer(tls: TlsProber, host: string, signal: AbortSignal): Promise<Issuer> {
  try {
    const c = await tls.peerCertificate(host, 443, signal)
    const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
    return { host, organization: one(c?.issuer?.O), commonName: one(c?.issuer?.CN), unit: one(c?.issuer?.OU) }
  } catch (e) {
    return { host, error: plainTlsError(host, e) }
  }
}

/** A connection failure in words a founder reads (never a raw "getaddrinfo ENOTFOUND"). */
export function plainTlsError(host: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException
  const code = String(err?.code ?? /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|EHOSTUNREACH)\b/.exec(String(err?.message))?.[1] ?? '')
  if (code === 'ENOTFOUND') return `${host} has no address in DNS`
  if (code === 'EAI_AGAIN') return `${host} could not be looked up (DNS did not answer)`
  if (code === 'ECONNREFUSED') return `${host} refuses connections on port 443`
  if (code === 'ETIMEDOUT') return `${host} did not answer on port 443 in time`
  if (code === 'ECONNRESET') return `${host} closed the connection during the TLS handshake`
  if (code === 'EHOSTUNREACH') return `${host} cannot be reached`
  return String(err?.message ?? e).split('\n')[0].replace(/^getaddrinfo /, '').slice(0, 200)
}

const KNOWN: [RegExp, string[]][] = [
  [/let'?s encrypt|\bISRG\b|\bR1[0-4]\b|\bE[5-9]\b/i, ['letsencrypt.org']],
  [/digicert|rapidssl|geotrust|thawte/i, ['digicert.com', 'symantec.com', 'geotrust.com', 'rapidssl.com', 'thawte.com']],
  [/sectigo|comodo|zerossl|usertrust/i, ['sectigo.com', 'comodoca.com', 'comodo.com', 'usertrust.com', 'trust-provider.com']],
  [/globalsign/i, ['globalsign.com']],
  [/google trust services|\bGTS\b|\bWE[1-9]\b|\bWR[1-9]\b/i, ['pki.goog', 'google.com']],
  [/amazon/i, ['amazon.com', 'amazontrust.com', 'awstrust.com', 'amazonaws.com']],
  [/godaddy|starfield/i, ['godaddy.com', 'starfieldtech.com']],
  [/entrust/i, ['entrust.net']],
  [/buypass/i, ['buypass.com', 'buypass.no']],
  [/ssl\.com/i, ['ssl.com']],
  [/microsoft/i, ['microsoft.com']],
]

/**
 * CAA issuer-domain names that identify the CA, from the issuer's names. A CA we do not know
 * matches when its issuer names contain the CAA value's first label (e.g. "lab" in "Lab CA").
 */
export function caaNamesFor(i: Issuer): string[] {
  const text = `${i.organization ?? ''} ${i.commonName ?? ''}`
  const declared = /\bCAA\s+([a-z0-9.-]+)/i.exec(i.unit ?? '')?.[1].toLowerCase()
  return [...(declared ? [declared] : []), ...KNOWN.filter(([re]) => re.test(text)).flatMap(([, n]) => n)]
}

/** Whether the CAA issuer value (domain, before any ';' parameters) names this issuer. */
export function caaPermits(value: string, i: Issuer): boolean {
  const dom = value.split(';')[0].trim().toLowerCase()
  if (!dom) return false
  if (caaNamesFor(i).includes(dom)) return true
  const text = `${i.organization ?? ''} ${i.commonName ?? ''}`.toLowerCase()
  const first = dom.split('.')[0]
  return first.length >= 3 && text.includes(first)
}
