import { createPublicKey } from 'node:crypto'

/** A DKIM key record (RFC 6376 §3.6.1) with defaults applied and the key judged. */
export interface DkimKey {
  v: 'DKIM1'
  h?: string[]
  k: string
  n?: string
  /** Base64 without whitespace; empty = revoked. */
  p: string
  s: string[]
  t?: string[]
  revoked: boolean
  testing: boolean
  /** RSA modulus size in bits, from the SPKI. */
  bits?: number
}

export type DkimParse = { ok: true; key: DkimKey } | { ok: false; error: string; isDkim: boolean; kind: 'syntax' | 'missing-p' | 'version-first' | 'duplicate' | 'bad-key' | 'unknown-algorithm' }

const FWS = '[ \\t\\r\\n]*'
const TAG = new RegExp(`^${FWS}([A-Za-z][A-Za-z0-9_]*)${FWS}=${FWS}([\\x21-\\x3a\\x3c-\\x7e \\t\\r\\n]*?)${FWS}$`)

/** Whether text looks like a DKIM key record: a v=DKIM1 tag, or no v= tag at all. */
export function isDkimRecord(txt: string): boolean {
  return /(^|;)[ \t]*v[ \t]*=[ \t]*DKIM1[ \t]*(;|$)/.test(txt) || (!/(^|;)[ \t]*v[ \t]*=/.test(txt) && /=/.test(txt))
}

/** Parse a DKIM key record: strict tag-list grammar, v= first, p= required, key checked for its type. */
export function parseDkimKey(txt: string): DkimParse {
  const isDkim = isDkimRecord(txt)
  const fail = (kind: Extract<DkimParse, { ok: false }>['kind'], error: string): DkimParse => ({ ok: false, error, isDkim, kind })
  const parts = txt.split(';')
  // tag-list = tag-spec *( ";" tag-spec ) [ ";" ]: only a bare trailing ";" may end it.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  const tags = new Map<string, string>()
  for (const [i, p] of parts.entries()) {
    const m = TAG.exec(p)
    if (!m) return fail('syntax', p.trim() ? `"${p.trim()}" is not a tag=value pair` : 'empty tag')
    if (tags.has(m[1])) return fail('duplicate', `tag ${m[1]}= appears twice`)
    if (m[1] === 'v' && i !== 0) return fail('version-first', 'v= must be the first tag')
    tags.set(m[1], m[2])
  }
  if (tags.has('v') && tags.get('v') !== 'DKIM1') return fail('syntax', `v=${tags.get('v')} is not DKIM1`)
  if (!tags.has('p')) return fail('missing-p', 'the required p= (public key) tag is missing')
  const list = (v?: string) => v?.split(':').map((x) => x.trim())
  const k = tags.get('k') ?? 'rsa'
  const p = (tags.get('p') ?? '').replace(/[ \t\r\n]/g, '')
  const key: DkimKey = { v: 'DKIM1', k, p, s: list(tags.get('s')) ?? ['*'], revoked: p === '', testing: false }
  if (tags.has('h')) key.h = list(tags.get('h'))
  if (tags.has('n')) key.n = tags.get('n')
  if (tags.has('t')) key.t = list(tags.get('t'))
  key.testing = !!key.t?.includes('y')
  if (k !== 'rsa' && k !== 'ed25519') return fail('unknown-algorithm', `k=${k} is not a known key type`)
  if (key.revoked) return { ok: true, key }
  if (!/^[A-Za-z0-9+/]+=*$/.test(p)) return fail('bad-key', 'p= is not base64')
  const der = Buffer.from(p, 'base64')
  if (k === 'ed25519') {
    if (der.length !== 32) return fail('bad-key', `an ed25519 key is 32 bytes, this one is ${der.length}`)
    return { ok: true, key }
  }
  try {
    const pub = createPublicKey({ key: der, format: 'der', type: 'spki' })
    if (pub.asymmetricKeyType !== 'rsa') return fail('bad-key', `k=rsa but the key is ${pub.asymmetricKeyType}`)
    key.bits = pub.asymmetricKeyDetails?.modulusLength
  } catch {
    return fail('bad-key', 'p= is not a valid RSA public key')
  }
  return { ok: true, key }
}
