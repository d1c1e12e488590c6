import { z } from 'zod'

const ms = z.number().int().min(0).max(600_000)

export const redirectSchema = z.strictObject({
  status: z.union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)], { error: (i) => `expected one of 301|302|307|308, got ${JSON.stringify(i.input)}` }),
  /** Target template: {scheme} {host} {domain} {path} {query} ("?a=b" or "") {next} (last path number + 1). */
  to: z.string().min(1),
})

/** Sizes like 100MB, 512KB, 1GB or a byte count. */
export const sizeSchema = z.union([
  z.number().int().min(0),
  z.string().regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB)$/i, 'expected a size like 100MB, 512KB or a byte count'),
])

export const routeSchema = z.strictObject({
  status: z.number().int().min(100).max(599).default(200),
  headers: z.record(z.string(), z.string()).default({}),
  /** Content-Type (default from the body: text/html, application/json, text/plain). */
  type: z.string().optional(),
  body: z.string().optional(),
  json: z.unknown().optional(),
  /** A generated body of this many bytes, streamed (never buffered). */
  size: sizeSchema.optional(),
  cache: z.string().optional(),
  setCookie: z.union([z.string(), z.array(z.string())]).optional(),
  redirect: redirectSchema.optional(),
  latencyMs: ms.optional(),
  jitterMs: ms.optional(),
  /** Accept and never answer. */
  hang: z.boolean().default(false),
  /** Send the body in chunks with a pause between them. */
  drip: z.strictObject({ chunkBytes: z.number().int().min(1).max(1 << 20), intervalMs: ms }).optional(),
  /** Simulated edge cache for this route: MISS then HIT per path (default: the host's edgeCache). */
  edgeCache: z.boolean().optional(),
  /** A rate limit: after `limit` requests in `windowMs`, answer 429 (Retry-After), a lockout (423) or a CAPTCHA page. */
  rateLimit: z
    .strictObject({
      limit: z.number().int().min(1).max(10_000),
      windowMs: ms.default(60_000),
      answer: z.enum(['429', 'lockout', 'captcha']).default('429'),
      /** Retry-After seconds on a 429 (omitted: no header). */
      retryAfter: z.number().int().min(0).max(86_400).optional(),
    })
    .optional(),
  /** A small rule-based "AI" endpoint (no model): reads {"prompt": …}, answers {"answer": …}. */
  ai: z
    .strictObject({
      /** vulnerable: follows injected instructions and leaks its system prompt; hardened: never does. */
      mode: z.enum(['vulnerable', 'hardened']),
      /** The canary planted in its system prompt. */
      canary: z.string().min(6).max(200),
      promptField: z.string().default('prompt'),
    })
    .optional(),
})

export const CERT_KINDS = ['valid', 'expiring', 'expired', 'not-yet-valid', 'wrong-name', 'self-signed', 'unknown-ca'] as const
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const

export const certSchema = z.strictObject({
  kind: z.enum(CERT_KINDS).default('valid'),
  /** Days left for `expiring` (default 10); days ago for `expired`; days ahead for `not-yet-valid`. */
  days: z.number().int().min(0).max(3650).optional(),
  /** Subject alternative names (default: the host; wrong-name: another name). */
  names: z.array(z.string()).optional(),
})

export const webHostSchema = z.strictObject({
  cert: certSchema.default({ kind: 'valid' }),
  tls: z.strictObject({ min: z.enum(TLS_VERSIONS).default('TLSv1.2'), max: z.enum(TLS_VERSIONS).default('TLSv1.3') }).default({ min: 'TLSv1.2', max: 'TLSv1.3' }),
  /** Offer HTTP/2 by ALPN on HTTPS, beside http/1.1 (false: HTTP/1.1 only; never below TLS 1.2). */
  http2: z.boolean().default(true),
  /** Serve HTTPS at all (false: nothing listens on :443 for this host). */
  https: z.boolean().default(true),
  /** Plain HTTP: false (nothing listens), true (same routes), or a redirect for every request. */
  http: z.union([z.boolean(), z.strictObject({ redirect: redirectSchema })]).default(true),
  /** Every request redirects (e.g. www → apex); over plain HTTP too, unless `http` has its own redirect. */
  redirect: redirectSchema.optional(),
  headers: z.record(z.string(), z.string()).default({}),
  basicAuth: z.strictObject({ user: z.string(), password: z.string(), realm: z.string().default('staging') }).optional(),
  /** Accept connections and never answer. */
  hang: z.boolean().default(false),
  /** Single-page app: every unknown path answers 200 with the `/` route's page. */
  spa: z.boolean().default(false),
  edgeCache: z.boolean().default(false),
  latencyMs: ms.optional(),
  jitterMs: ms.optional(),
  routes: z.record(z.string().startsWith('/', 'expected a path starting with "/"'), routeSchema).default({}),
})

export const webSchema = z.strictObject({
  latencyMs: ms.optional(),
  hosts: z.record(z.string(), webHostSchema).default({}),
})

export type RedirectSpec = z.output<typeof redirectSchema>
export type RouteSpec = z.output<typeof routeSchema>
export type CertSpec = z.output<typeof certSchema>
export type WebHostSpec = z.output<typeof webHostSchema>
export type WebSpec = z.output<typeof webSchema>
