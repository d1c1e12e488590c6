import { nodeCrypto } from '../node-crypto'

/**
 * Canonical JSON (RFC 8785 style for the values we store): object keys sorted by code unit,
 * no whitespace, undefined members dropped, non-finite numbers refused. The same value always
 * gives the same bytes, so its SHA-256 is a stable fingerprint.
 *
 * Two routes to the same bytes (a property test holds them to a plain reference). The usual
 * one copies the value with its keys inserted in sorted order and hands the copy to
 * JSON.stringify, which keeps insertion order: native, and its output is one flat string, so
 * hashing it next does not first have to flatten a rope of concatenations (together about 2.5×
 * faster per 2 KB evidence body than building the string by hand; docs/performance.md,
 * store.insert). A value JSON.stringify would write differently takes the second route, a
 * recursive pass that builds the string itself: objects with integer-like keys (JavaScript
 * orders those numerically, before the others) and symbol values.
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value)
  return copy === UNSORTABLE ? byHand(value) : (JSON.stringify(copy) ?? 'null')
}

const UNSORTABLE: unique symbol = Symbol('unsortable')
const INTEGER_KEY = /^(?:0|[1-9]\d*)$/

/** `value` with every object's keys in sorted order, ready for JSON.stringify; UNSORTABLE when it would not give canonical bytes. */
function sortedCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold NaN or Infinity')
      return value
    case 'bigint':
      return value.toString()
    case 'object':
      if (value === null) return null
      if (Array.isArray(value)) {
        const out: unknown[] = new Array(value.length)
        for (let i = 0; i < value.length; i++) {
          const v = value[i]
          const c = v === undefined || typeof v === 'function' ? null : sortedCopy(v)
          if (c === UNSORTABLE) return UNSORTABLE
          out[i] = c
        }
        return out
      }
      if (value instanceof Date) return value.toISOString()
      return sortedObject(value as Record<string, unknown>)
    case 'symbol':
      return UNSORTABLE
    default:
      return undefined // a function: dropped as a member, null in an array (above)
  }
}

function sortedObject(obj: Record<string, unknown>): unknown {
  const keys = Object.keys(obj).sort()
  // no prototype: a "__proto__" key is a plain member, and no toJSON is inherited
  const out: Record<string, unknown> = Object.create(null)
  for (const k of keys) {
    if (INTEGER_KEY.test(k)) return UNSORTABLE
    const v = obj[k]
    if (v === undefined || typeof v === 'function') continue
    const c = sortedCopy(v)
    if (c === UNSORTABLE) return UNSORTABLE
    out[k] = c
  }
  return out
}

/** The second route: the string built by hand, for what JSON.stringify would order or write differently. */
function byHand(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return str(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold NaN or Infinity')
      return JSON.stringify(value)
    case 'bigint':
      return JSON.stringify(value.toString())
    case 'object':
      if (value === null) return 'null'
      if (Array.isArray(value)) return arrayJson(value)
      if (value instanceof Date) return JSON.stringify(value.toISOString())
      return objectJson(value as Record<string, unknown>)
    default:
      return 'null'
  }
}

// Characters JSON.stringify would escape: quote, backslash, controls, and surrogates (lone ones
// become \uXXXX). Strings without them are quoted as they are, the common case by far.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/
function str(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"'
}

function arrayJson(a: unknown[]): string {
  let out = '['
  for (let i = 0; i < a.length; i++) {
    if (i) out += ','
    const v = a[i]
    out += v === undefined ? 'null' : byHand(v)
  }
  return out + ']'
}

function objectJson(obj: Record<string, unknown>): string {
  const keys = Object.keys(obj).sort()
  let out = '{'
  let first = true
  for (const k of keys) {
    const v = obj[k]
    if (v === undefined || typeof v === 'function') continue
    if (!first) out += ','
    first = false
    out += str(k) + ':' + byHand(v)
  }
  return out + '}'
}

/** SHA-256 of a string (UTF-8) or bytes, as lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex')
}
