/**
 * The redaction registry: every secret value the app reads (from the keychain, or a lab
 * scenario's in-memory token) is registered here, and everything the app writes or prints
 * (evidence, CLI output, logs) passes through redact/redactDeep first.
 */

const MIN_LENGTH = 6
const registered = new Set<string>()
let sorted: string[] = []

/** Mask a secret for display: a short prefix that helps a person recognise it, never the rest. */
export function mask(secret: string): string {
  const keep = secret.length >= 16 ? 4 : secret.length >= 10 ? 2 : 0
  return `${secret.slice(0, keep)}…[redacted]`
}

/** Register a secret value (and its common encodings) so it is masked everywhere from now on. */
export function registerSecret(secret: string): void {
  const v = secret.trim()
  if (v.length < MIN_LENGTH) return
  const forms = [v, encodeURIComponent(v), Buffer.from(v).toString('base64'), JSON.stringify(v).slice(1, -1)]
  for (const f of forms) registered.add(f)
  // Longest first, so a secret that contains another is masked whole.
  sorted = [...registered].sort((a, b) => b.length - a.length)
}

/** Forget a secret (after it was removed from the keychain). Mostly for tests. */
export function unregisterSecret(secret: string): void {
  const v = secret.trim()
  for (const f of [v, encodeURIComponent(v), Buffer.from(v).toString('base64'), JSON.stringify(v).slice(1, -1)]) registered.delete(f)
  sorted = [...registered].sort((a, b) => b.length - a.length)
}

/** How many values are registered (for status displays and tests). */
export function registeredCount(): number {
  return registered.size
}

/** Replace every registered secret in a string with its mask. */
export function redact(text: string): string {
  if (!sorted.length || !text) return text
  let out = text
  for (const s of sorted) if (out.includes(s)) out = out.split(s).join(mask(s))
  return out
}

/** Field names whose values are secrets whatever they contain (provider responses, headers). */
const SECRET_FIELD = /^(authorization|proxy-authorization|cookie|set-cookie|x-auth-key|x-api-key|api[-_]?key|apikey|api[-_]?token|access[-_]?token|refresh[-_]?token|id[-_]?token|token|secret|client[-_]?secret|password|passwd|private[-_]?key)$/i

/**
 * Redact a JSON-like value: strings through redact(), and values of fields named like secrets
 * (`token`, `password`, `authorization`, ...) replaced outright (presence stays visible).
 * Pass `fieldNames: false` to mask registered values only.
 */
export function redactDeep<T>(value: T, opts: { fieldNames?: boolean } = {}): T {
  return walk(value, opts.fieldNames !== false, 0) as T
}

function walk(v: unknown, byName: boolean, depth: number): unknown {
  if (depth > 64) return '[too deep]'
  if (typeof v === 'string') return redact(v)
  if (Array.isArray(v)) return v.map((x) => walk(x, byName, depth + 1))
  if (v && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
    const o = v as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(o)) {
      const secretName = byName && SECRET_FIELD.test(k)
      out[redact(k)] = secretName && x !== null && x !== undefined && x !== '' && typeof x !== 'boolean' ? '[redacted]' : walk(x, byName, depth + 1)
    }
    return out
  }
  return v
}
