export { HttpClient, DEFAULT_BODY_CAP, type HttpClientOptions } from './client'
export { HttpError, isHttpError, type HttpChain, type HttpExchange, type HttpTiming, type Redirection, type RequestOptions } from './types'
export { locationOf } from './follow'
export { chainEvidence, exchangeEvidence, exchangeData, safeHeaders } from './evidence'
export { trustedContext } from '../tls-context'
export { makeLookup } from './lookup'

/** A header's value as one string (multiple values joined with ", "), or undefined. */
export function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name.toLowerCase()]
  return Array.isArray(v) ? v.join(', ') : v
}
