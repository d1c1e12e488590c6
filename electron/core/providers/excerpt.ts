/** Field names whose values never enter evidence, whatever the provider put there. */
const SECRET_KEYS = /^(value|values|secret|secrets|token|tokens|password|passwd|api_?key|apikey|authorization|private_?key|client_?secret|access_?token|refresh_?token)$/i

const MAX_DEPTH = 12
const MAX_ITEMS = 200

/**
 * An evidence-safe copy of a provider excerpt: secret-named fields dropped, any of the given
 * secret strings masked wherever they occur, long lists cut (with a note of how many).
 */
export function safeExcerpt(data: unknown, secrets: string[] = []): unknown {
  const live = secrets.filter((s) => s.length >= 4)
  const mask = (s: string) => live.reduce((out, secret) => out.split(secret).join('[redacted]'), s)
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return mask(v)
    if (v === null || typeof v !== 'object') return v
    // Deeper than any real API excerpt: cut it rather than copy anything unmasked.
    if (depth > MAX_DEPTH) return '[nested too deep]'
    if (Array.isArray(v)) {
      const out = v.slice(0, MAX_ITEMS).map((x) => walk(x, depth + 1))
      if (v.length > MAX_ITEMS) out.push(`… ${v.length - MAX_ITEMS} more`)
      return out
    }
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) {
      if (SECRET_KEYS.test(k)) continue
      out[mask(k)] = walk(x, depth + 1)
    }
    return out
  }
  return walk(data, 0)
}
