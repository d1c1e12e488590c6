import { createPublicKey } from 'node:crypto'
import type { Acceptance } from '@shared/contract/handover'
import { tryKeyFingerprint } from '../fingerprint'
import { sha256, verifyEd25519 } from './manifest'

/**
 * A founder's acceptance (countersignature) of a bundle: a short text statement, written so a
 * founder can make one with printf and openssl alone (VERIFY.txt shows how), signed with the
 * founder's own Ed25519 key. Three files sit beside the bundle, never changing its signed files:
 *
 *   acceptance-<label>.txt      the statement (below)
 *   acceptance-<label>.sig      raw Ed25519 signature over the .txt bytes
 *   acceptance-<label>.pub.pem  the founder's public key
 *
 *   handover-acceptance/1
 *   manifest-sha256: <SHA-256 of manifest.json, 64 hex>
 *   name: Ada Founder
 *   email: ada@acme.example
 *   accepted-at: 2025-06-01T09:30:00Z
 */
export const ACCEPTANCE_FORMAT = 'handover-acceptance/1'

/** A file that belongs to an acceptance: its stem and part. */
export const ACCEPTANCE_FILE = /^(acceptance-[a-z0-9][a-z0-9-]{0,63})\.(txt|sig|pub\.pem)$/

/** An acceptance statement is a few lines; anything larger is not one. */
const MAX_STATEMENT_BYTES = 4096

export interface AcceptanceStatement {
  manifestSha256: string
  name: string
  email: string
  acceptedAt: string
}

const KEYS: Record<string, keyof AcceptanceStatement> = { 'manifest-sha256': 'manifestSha256', name: 'name', email: 'email', 'accepted-at': 'acceptedAt' }

/** The statement's exact text (what the founder's key signs). */
export function acceptanceText(s: AcceptanceStatement): string {
  return `${ACCEPTANCE_FORMAT}\nmanifest-sha256: ${s.manifestSha256}\nname: ${s.name}\nemail: ${s.email}\naccepted-at: ${s.acceptedAt}\n`
}

/**
 * Read a statement strictly: the format line, then each of the four fields exactly once (in any
 * order), nothing else. Tolerates what editors add (a UTF-8 BOM, CRLF line ends).
 */
export function parseAcceptance(bytes: Buffer): AcceptanceStatement | string {
  if (bytes.length > MAX_STATEMENT_BYTES) return 'the statement is larger than an acceptance can be'
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const lines = text.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  if (lines[0] !== ACCEPTANCE_FORMAT) return `the statement does not start with "${ACCEPTANCE_FORMAT}"`
  const s: Partial<AcceptanceStatement> = {}
  for (const line of lines.slice(1)) {
    const m = /^([a-z0-9-]+): (.*)$/.exec(line)
    const key = m && KEYS[m[1]]
    if (!m || !key) return `the statement has a line it should not: "${line.slice(0, 60)}"`
    if (s[key] !== undefined) return `the statement gives ${m[1]} twice`
    if (/\p{Cc}/u.test(m[2])) return `${m[1]} holds control characters`
    s[key] = m[2].trim()
  }
  const missing = Object.entries(KEYS).find(([, k]) => !s[k])
  if (missing) return `the statement gives no ${missing[0]}`
  if (!/^[0-9a-f]{64}$/.test(s.manifestSha256!)) return 'manifest-sha256 is not a SHA-256 (64 lowercase hex digits)'
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/.test(s.acceptedAt!) || Number.isNaN(Date.parse(s.acceptedAt!))) return 'accepted-at is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)'
  if (!/^[^\s@]+@[^\s@]+$/.test(s.email!)) return 'email is not an email address'
  return s as AcceptanceStatement
}

/** The stems of every acceptance file among a bundle's files. */
export function acceptanceStems(names: Iterable<string>): string[] {
  const stems = new Set<string>()
  for (const n of names) {
    const m = ACCEPTANCE_FILE.exec(n)
    if (m) stems.add(m[1])
  }
  return [...stems].sort()
}

/** The Ed25519 key's fingerprint, or why the file is not one. */
function founderKey(pem: string): { fingerprint: string } | string {
  try {
    if (createPublicKey(pem).asymmetricKeyType !== 'ed25519') return 'the .pub.pem file is not an Ed25519 public key'
  } catch {
    return 'the .pub.pem file is not a public key'
  }
  return { fingerprint: tryKeyFingerprint(pem)! }
}

/**
 * Check one acceptance against this bundle's manifest: all three files, a statement that reads,
 * a signature that verifies with the key beside it, over exactly this manifest's hash.
 */
export function checkAcceptance(stem: string, files: Map<string, Buffer>, manifestBytes: Buffer): Acceptance {
  const txt = files.get(`${stem}.txt`)
  const sig = files.get(`${stem}.sig`)
  const pem = files.get(`${stem}.pub.pem`)?.toString('utf8')
  const base: Acceptance = { stem, name: '', email: '', acceptedAt: '', fingerprint: '', ok: false, detail: '' }
  const missing = [!txt && `${stem}.txt`, !sig && `${stem}.sig`, !pem && `${stem}.pub.pem`].filter(Boolean)
  if (missing.length) return { ...base, detail: `incomplete: ${missing.join(' and ')} missing` }
  const key = founderKey(pem!)
  if (typeof key === 'string') return { ...base, detail: key }
  const s = parseAcceptance(txt!)
  if (typeof s === 'string') return { ...base, fingerprint: key.fingerprint, detail: s }
  const who = { ...base, ...s, fingerprint: key.fingerprint }
  if (!verifyEd25519(pem!, txt!, sig!)) return { ...who, detail: `the signature does not verify with ${stem}.pub.pem` }
  const mine = sha256(manifestBytes)
  if (s.manifestSha256 !== mine) return { ...who, detail: `accepts another manifest (sha256 ${s.manifestSha256.slice(0, 16)}…), not this bundle's (${mine.slice(0, 16)}…)` }
  return { ...who, ok: true, detail: `accepted by ${s.name} <${s.email}> on ${s.acceptedAt}, key ${key.fingerprint}` }
}
