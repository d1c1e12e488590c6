import type { EvidenceItem } from '../../checks/types'
import type { HttpChain, HttpExchange } from './types'

const EXCERPT = 1024

/** Header values for evidence: cookie values masked (they may be session tokens). */
export function safeHeaders(h: HttpExchange['headers']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(h)) {
    if (k === 'set-cookie') {
      const list = Array.isArray(v) ? v : [v]
      out[k] = list.map((c) => c.replace(/^([^=;]*)=[^;]*/, '$1=<masked>'))
    } else out[k] = v
  }
  return out
}

// Live-looking credentials a page might inline; excerpts keep the prefix only (secrets.bundle reports them).
const SECRET_LIKE = /\b((?:sk|rk|pk)_live_|sk-(?:proj-)?|AKIA|ghp_|xox[abp]-|eyJ)[A-Za-z0-9_\-.]{12,}|-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g

/** Mask credential-looking strings in text kept as evidence. */
export function maskSecretLike(text: string): string {
  return text.replace(SECRET_LIKE, (m, prefix?: string) => `${prefix ?? m.slice(0, 10)}…[masked]`)
}

/** A bounded, printable excerpt of a body (text only), credential-looking strings masked. */
export function excerpt(x: HttpExchange, max = EXCERPT): string {
  const type = String(x.headers['content-type'] ?? '')
  if (x.bodyBytes === 0) return ''
  if (type && !/text|json|xml|javascript|html/i.test(type)) return `<${x.bodyBytes} bytes of ${type}>`
  const s = maskSecretLike(x.body.subarray(0, max).toString('utf8'))
  return x.body.length > max ? `${s}…` : s
}

/** One exchange as evidence data: request line, status, headers, excerpt, timing, connect-to, an allowed private target. */
export function exchangeData(x: HttpExchange, withBody = true): Record<string, unknown> {
  return {
    url: x.url,
    request: x.requestLine,
    status: x.status,
    headers: safeHeaders(x.headers),
    ...(withBody ? { bodyExcerpt: excerpt(x) } : {}),
    bodyBytes: x.bodyBytes,
    truncated: x.truncated,
    timing: x.timing,
    ...(x.redirected ? { connectTo: x.redirected } : {}),
    ...(x.privateTarget ? { privateTarget: { ...x.privateTarget, note: `reached ${x.privateTarget.address} (${x.privateTarget.range}) because the engagement allows "${x.privateTarget.allowedBy}" as a private target` } } : {}),
  }
}

/** A redirect chain as one evidence item. */
export function chainEvidence(label: string, c: HttpChain, withBody = false): EvidenceItem {
  return {
    kind: 'http.chain',
    label,
    data: {
      start: c.start,
      hops: c.hops.map((h) => exchangeData(h, withBody)),
      ...(c.error ? { error: c.error } : {}),
      ...(c.loop ? { loop: true } : {}),
      ...(c.tooManyHops ? { tooManyHops: true } : {}),
    },
  }
}

/** One exchange as an evidence item. */
export function exchangeEvidence(label: string, x: HttpExchange, withBody = true): EvidenceItem {
  return { kind: 'http.exchange', label, data: exchangeData(x, withBody) }
}
