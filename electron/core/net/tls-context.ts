import tls from 'node:tls'

export interface ContextOptions {
  minVersion?: tls.SecureVersion
  maxVersion?: tls.SecureVersion
  ciphers?: string
}

const MAX = 16
const cache = new Map<string, tls.SecureContext>()
/**
 * Every context built that is still referenced (by a run's HTTP client, a dispatcher, an open
 * socket), LRU or not: 20 audits of labs that each have their own CA use more contexts at once
 * than the LRU keeps, and without this each eviction meant building a context again.
 */
const live = new Map<string, WeakRef<tls.SecureContext>>()
const finalized = new FinalizationRegistry<string>((key) => {
  if (!live.get(key)?.deref()) live.delete(key)
})

/** The native half of a SecureContext: `addCACert` is what the `ca` option calls per certificate. */
type NativeContext = { addCACert(pem: string): void }

/**
 * True when Node's default trust store is exactly `tls.rootCertificates` (its bundled roots):
 * no NODE_EXTRA_CA_CERTS and no flag that swaps in OpenSSL's or the system's store. Only then
 * may a context start from the default store and still trust exactly what it did with `ca`.
 */
function defaultStoreIsBundled(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]
  return !process.env.NODE_EXTRA_CA_CERTS && !flags.some((f) => /^--use-(openssl|system)-ca$/.test(f))
}

/** Read once: Node reads NODE_EXTRA_CA_CERTS and its CA flags once, at startup. */
const DEFAULT_STORE_IS_BUNDLED = defaultStoreIsBundled()

/**
 * A context trusting Node's bundled roots plus `extraCaPem`. With `ca: [...rootCertificates, ...extra]`
 * Node parses the ~140 root PEMs again for every context (~27 ms of CPU and ~1 MB each); the
 * default store shares the roots Node parsed once (~2 ms, no per-context copy of them), and the
 * extra CAs are added to this context's copy of it, as the `ca` option would add them. When the
 * default store holds more than the bundled roots (NODE_EXTRA_CA_CERTS set, say), it builds from
 * the `ca` list as before. Exported for tests.
 */
export function buildContext(extraCaPem: string[], o: ContextOptions, fromDefaultStore = DEFAULT_STORE_IS_BUNDLED): tls.SecureContext {
  if (!fromDefaultStore) return tls.createSecureContext({ ca: [...tls.rootCertificates, ...extraCaPem], ...o })
  const ctx = tls.createSecureContext({ ...o })
  const native = (ctx as unknown as { context: NativeContext }).context
  for (const pem of extraCaPem) native.addCACert(pem)
  return ctx
}

/**
 * A TLS context that trusts the system roots plus the profile's extra CAs, built once and shared.
 * Passing `ca: [...rootCertificates, ...extra]` to every connection makes Node parse ~140 root
 * certificates per handshake (tens of ms of CPU and megabytes each); a shared context does it once.
 * A small LRU keeps one per (extra CAs, protocol range, ciphers), and a context still in use is
 * found again after it left the LRU (`live`); building one is cheap where it can be (buildContext).
 */
export function trustedContext(extraCaPem: string[], o: ContextOptions = {}): tls.SecureContext {
  // Options spelled out as the defaults they stand for ({} and { minVersion: 'TLSv1.2' } build the same context).
  const key = JSON.stringify([extraCaPem, o.minVersion ?? tls.DEFAULT_MIN_VERSION, o.maxVersion ?? tls.DEFAULT_MAX_VERSION, o.ciphers ?? tls.DEFAULT_CIPHERS])
  let ctx = cache.get(key) ?? live.get(key)?.deref()
  if (ctx) {
    cache.delete(key)
    cache.set(key, ctx)
    return ctx
  }
  ctx = buildContext(extraCaPem, o)
  cache.set(key, ctx)
  live.set(key, new WeakRef(ctx))
  finalized.register(ctx, key)
  if (cache.size > MAX) cache.delete(cache.keys().next().value as string)
  return ctx
}
