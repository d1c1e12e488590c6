/**
 * Characters that make a terminal do something instead of showing text: C0 controls other than
 * tab and newline (ESC starts colour, cursor and title sequences; CR overwrites the line), DEL,
 * C1 controls (U+009B is an 8-bit CSI), and the format characters that reorder or hide text
 * (bidi overrides and isolates, zero-width characters, the BOM).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g
// Inside JSON strings C0 controls are already escaped by JSON.stringify; the rest are not.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0')

/**
 * Text for a terminal: every unsafe character shown as a visible escape (`\x1b`, `\u202e`)
 * instead of being obeyed. Everything the CLI prints passes here, so a DNS TXT record, a header
 * or a provider's field that carries escape sequences is displayed, never executed.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`))
}

/** A JSON document for a terminal: the same characters as JSON `\uXXXX` escapes (still valid JSON, same value). */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c, 4)}`)
}
