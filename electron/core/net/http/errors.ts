import { egressErrorOf } from '../egress'
import { HttpError, type HttpErrorKind } from './types'

/** Map whatever undici/net/tls threw into a typed HttpError with a message a person can read. */
export function toHttpError(e: unknown, url: string, timedOutAfterMs?: number, outer?: AbortSignal): HttpError {
  if (e instanceof HttpError) return e
  if (timedOutAfterMs !== undefined) return new HttpError('timeout', `${url}: no complete answer within ${timedOutAfterMs} ms`, url)
  if (outer?.aborted) return new HttpError('aborted', `${url}: cancelled`, url)
  const egress = egressErrorOf(e)
  if (egress) return new HttpError('blocked', `${url}: ${egress.message}`, url, `${egress.address}, ${egress.range}`)
  const err = e as Error & { code?: string; cause?: Error & { code?: string } }
  const code = err.code ?? err.cause?.code ?? ''
  const msg = err.cause?.message ?? err.message
  let kind: HttpErrorKind = 'network'
  if (code === 'ECONNREFUSED') kind = 'refused'
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') kind = 'dns'
  else if (/ETIMEDOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|UND_ERR_CONNECT_TIMEOUT/.test(code)) kind = 'timeout'
  else if (/CERT|SSL|TLS|ERR_TLS|UNABLE_TO|SELF_SIGNED|HOSTNAME|ALTNAME/.test(code) || /certificate|ssl|tls/i.test(msg)) kind = 'tls'
  const why: Record<HttpErrorKind, string> = {
    refused: 'connection refused',
    dns: 'name does not resolve',
    timeout: 'timed out',
    tls: 'TLS/certificate problem',
    network: 'network error',
    aborted: 'cancelled',
    'bad-url': 'bad URL',
    blocked: 'private address',
  }
  return new HttpError(kind, `${url}: ${why[kind]} (${msg})`, url)
}
