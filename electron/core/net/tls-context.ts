import tls from 'node:tls'

export interface ContextOptions {
  minVersion?: tls.SecureVersion
  maxVersion?: tls.SecureVersion
  ciphers?: string
}

const MAX = 16
const cache = new Map<string, tls.SecureContext>()

/**
 * A TLS context that trusts the system roots plus the profile's extra CAs, built once and shared.
 * Passing `ca: [...rootCertificates, ...extra]` to every connection makes Node parse ~140 root
 * certificates per handshake (tens of ms of CPU and megabytes each); a shared context does it once.
 * A small LRU keeps one per (extra CAs, protocol range, ciphers).
 */
export function trustedContext(extraCaPem: string[], o: ContextOptions = {}): tls.SecureContext {
  const key = JSON.stringify([extraCaPem, o.minVersion ?? '', o.maxVersion ?? '', o.ciphers ?? ''])
  let ctx = cache.get(key)
  if (ctx) {
    cache.delete(key)
    cache.set(key, ctx)
    return ctx
  }
  ctx = tls.createSecureContext({ ca: [...tls.rootCertificates, ...extraCaPem], ...o })
  cache.set(key, ctx)
  if (cache.size > MAX) cache.delete(cache.keys().next().value as string)
  return ctx
}
