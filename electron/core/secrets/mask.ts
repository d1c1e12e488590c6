import { matchPatterns } from './rules'
import { dedupe, maskValue } from './scanner'
import { secretlintMatches } from './secretlint'
import type { RawMatch } from './types'

/** Strings shorter than this hold no secret the rules know. */
const MIN_CHARS = 16
/** One scan covers about this much text; a larger outcome is scanned in several. */
const CHUNK_CHARS = 1_000_000
/** Characters a key or token is made of: an approximate match is extended over them. */
const TOKEN = /[A-Za-z0-9/+=_\-.]/
/** A leading `"Name": "` or `name=`: kept readable in front of an approximate match's mask. */
const KEY_PREFIX = /^["']?[A-Za-z_][A-Za-z0-9_-]*["']?\s*(?::|=>|=)\s*["']?/

function collect(v: unknown, out: Set<string>, depth = 0): void {
  if (depth > 64) return
  if (typeof v === 'string') {
    if (v.length >= MIN_CHARS) out.add(v)
  } else if (Array.isArray(v)) {
    for (const x of v) collect(x, out, depth + 1)
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k.length >= MIN_CHARS) out.add(k)
      collect(x, out, depth + 1)
    }
  }
}

/** The text with every match replaced by its mask (secretlint's approximate ranges widened to the whole token). */
function applyMasks(text: string, matches: RawMatch[]): string {
  let out = ''
  let at = 0
  for (const m of matches) {
    let start = Math.max(m.start, at)
    let end = Math.min(m.end, text.length)
    if (m.opaque) {
      while (end < text.length && TOKEN.test(text[end])) end++
      start += KEY_PREFIX.exec(text.slice(start, end))?.[0].length ?? 0
    }
    if (end <= start) continue
    out += text.slice(at, start) + (m.opaque ? '…[redacted]' : maskValue(text.slice(start, end)))
    at = end
  }
  return out + text.slice(at)
}

async function scanChunk(strings: string[], masked: Map<string, string>): Promise<void> {
  const text = strings.join('\n')
  let matches = matchPatterns(text, 5000)
  try {
    matches.push(...(await secretlintMatches(text, 'evidence.txt')))
  } catch {
    // secretlint failing on odd input must not stop our own rules' masking
  }
  matches = dedupe(matches)
  if (!matches.length) return
  let offset = 0
  for (const s of strings) {
    const end = offset + s.length
    const inside = matches.filter((m) => m.start < end && m.end > offset).map((m) => ({ ...m, start: Math.max(0, m.start - offset), end: Math.min(s.length, m.end - offset) }))
    if (inside.length) masked.set(s, applyMasks(s, inside))
    offset = end + 1
  }
}

function rebuild(v: unknown, masked: Map<string, string>, depth = 0): unknown {
  if (depth > 64) return v
  if (typeof v === 'string') return masked.get(v) ?? v
  if (Array.isArray(v)) return v.map((x) => rebuild(x, masked, depth + 1))
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[masked.get(k) ?? k] = rebuild(x, masked, depth + 1)
    return out
  }
  return v
}

/**
 * Mask every secret the secret scanners find (our pattern rules and secretlint's recommended
 * preset: the masking secrets.repo and secrets.bundle use) in any JSON-like value: strings and
 * keys, however deep. A check's outcome passes here before it is stored, so a credential a
 * hostile or careless site returned (an AWS key pair in a JSON body, a private key in a page)
 * never reaches evidence, whichever check fetched it.
 */
export async function maskSecrets<T>(value: T): Promise<T> {
  const strings = new Set<string>()
  collect(value, strings)
  if (!strings.size) return value
  const masked = new Map<string, string>()
  let chunk: string[] = []
  let size = 0
  for (const s of strings) {
    if (size + s.length > CHUNK_CHARS && chunk.length) {
      await scanChunk(chunk, masked)
      chunk = []
      size = 0
    }
    chunk.push(s)
    size += s.length + 1
  }
  await scanChunk(chunk, masked)
  return masked.size ? (rebuild(value, masked) as T) : value
}
