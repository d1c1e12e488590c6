import { mask } from '../vault/redact'
import { matchPatterns } from './rules'
import { secretlintMatches } from './secretlint'
import type { RawMatch, SecretFinding } from './types'

/** Texts larger than this are scanned only up to this many characters. */
export const MAX_SCAN_CHARS = 5_000_000

/** Whether a buffer/text looks binary (a NUL in its first 8 KiB). */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000')
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function position(starts: number[], index: number): { line: number; column: number } {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= index) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: index - starts[lo] + 1 }
}

/** Drop matches that overlap an earlier one (ours and secretlint's often find the same key). */
export function dedupe(matches: RawMatch[]): RawMatch[] {
  // Our own (exact-range) matches sort first at equal starts.
  const sorted = [...matches].sort((a, b) => a.start - b.start || Number(!!a.opaque) - Number(!!b.opaque) || b.end - a.end)
  const out: RawMatch[] = []
  for (const m of sorted) {
    const last = out[out.length - 1]
    if (last && m.start < last.end) continue
    out.push(m)
  }
  return out
}

/** Mask a matched value; a private key shows its header only. */
export function maskValue(raw: string): string {
  const header = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.exec(raw)
  return header ? `${header[0]}…[redacted]` : mask(raw)
}

/**
 * Scan one text with secretlint's recommended preset plus our pattern rules. Findings carry a
 * masked value only. `path` names the file (or URL) in the findings.
 */
export async function scanText(content: string, path: string, opts: { secretlint?: boolean } = {}): Promise<SecretFinding[]> {
  if (!content || looksBinary(content)) return []
  const text = content.length > MAX_SCAN_CHARS ? content.slice(0, MAX_SCAN_CHARS) : content
  const matches = matchPatterns(text)
  if (opts.secretlint !== false) {
    try {
      matches.push(...(await secretlintMatches(text, path)))
    } catch {
      // secretlint failing on odd input must not hide our own rules' findings
    }
  }
  const starts = lineStarts(text)
  return dedupe(matches).map((m) => ({
    rule: m.rule,
    title: m.title,
    severity: m.severity,
    path,
    ...position(starts, m.start),
    masked: m.opaque ? '…[redacted]' : maskValue(text.slice(m.start, m.end)),
    ...(m.publicByDesign ? { publicByDesign: true } : {}),
  }))
}
