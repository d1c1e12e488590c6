import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { VerifyItem, VerifyReport } from '@shared/contract/handover'
import { certFingerprint, keyFingerprint } from '../identity'
import { verifyPdfSignature } from '../pdf/verify-sig'
import { FILES, UNLISTED } from './files'
import { sha256, verifyEd25519, type Manifest } from './manifest'
import { readZip } from './unzip'

function read(dir: string, name: string): Buffer | null {
  const p = join(dir, name)
  return existsSync(p) && statSync(p).isFile() ? readFileSync(p) : null
}

/** A key's fingerprint, or '' when the PEM is missing or unreadable. */
function safeFingerprint(pem: string): string {
  try {
    return pem ? keyFingerprint(pem) : ''
  } catch {
    return ''
  }
}

/** Parse manifest.json, or explain why it cannot be used. */
function parseManifest(bytes: Buffer | null): Manifest | string {
  if (!bytes) return 'manifest.json is missing'
  try {
    const m = JSON.parse(bytes.toString('utf8')) as Manifest
    if (!Array.isArray(m.files) || !m.signer?.fingerprint) return 'manifest.json is not a handover manifest'
    return m
  } catch {
    return 'manifest.json is not valid JSON'
  }
}

/**
 * Check a bundle folder: the manifest's Ed25519 signature (and the founder's, when present),
 * every listed file's SHA-256, no unlisted files, the signer key and certificate fingerprints,
 * and the PDF's embedded signature. Each check is one item; the bundle is valid when all pass.
 */
export function verifyBundle(path: string): VerifyReport {
  const dir = resolve(path)
  const items: VerifyItem[] = []
  const add = (name: string, ok: boolean, detail: string) => items.push({ name, ok, detail })
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    add('bundle', false, `${dir} is not a bundle folder`)
    return { ok: false, bundle: dir, items }
  }
  const mBytes = read(dir, FILES.manifest)
  const pub = read(dir, FILES.publicKey)?.toString('utf8') ?? ''
  const sig = read(dir, FILES.signature)
  // The signature is checked over the raw bytes first, so a damaged manifest still reports it.
  add(
    'manifest signature',
    !!mBytes && !!pub && !!sig && verifyEd25519(pub, mBytes, sig),
    !mBytes ? 'manifest.json is missing' : !pub ? 'signer.pub.pem is missing' : !sig ? 'manifest.sig is missing' : 'Ed25519 over manifest.json',
  )
  const m = parseManifest(mBytes)
  if (typeof m === 'string' || !mBytes) {
    add(FILES.manifest, false, typeof m === 'string' ? m : 'missing')
    return { ok: false, bundle: dir, items }
  }
  const fp = safeFingerprint(pub)
  add('signer key', fp === m.signer.fingerprint, fp === m.signer.fingerprint ? `fingerprint ${fp}` : `signer.pub.pem does not match the manifest's signer fingerprint`)

  for (const f of m.files) {
    const b = typeof f.path === 'string' && !f.path.includes('/') && !f.path.includes('\\') ? read(dir, f.path) : null
    if (!b) add(`file ${f.path}`, false, 'missing')
    else {
      const h = sha256(b)
      add(`file ${f.path}`, h === f.sha256, h === f.sha256 ? `sha256 ${h}` : `sha256 is ${h}, manifest says ${f.sha256}`)
    }
  }
  const listed = new Set(m.files.map((f) => f.path))
  for (const n of readdirSync(dir)) if (!listed.has(n) && !UNLISTED.has(n) && !n.startsWith('.')) add(`file ${n}`, false, 'not listed in the manifest')

  const cert = read(dir, FILES.cert)?.toString('utf8')
  const pdf = read(dir, FILES.pdf)
  if (pdf) {
    const r = verifyPdfSignature(pdf)
    const certOk = !!cert && !!r.certFingerprint && certFingerprint(cert) === r.certFingerprint && r.certFingerprint === m.signer.certFingerprint
    add('PDF signature', r.ok, r.ok ? `${r.detail} (signed by ${r.signer ?? 'unknown'})` : r.detail)
    if (r.ok) add('PDF certificate', certOk, certOk ? `fingerprint ${r.certFingerprint}` : 'the PDF was signed with a certificate other than signer.cert.pem')
  }

  const fSig = read(dir, FILES.founderSig)
  const fKey = read(dir, FILES.founderKey)?.toString('utf8')
  if (fSig || fKey) {
    const ok = !!fSig && !!fKey && verifyEd25519(fKey, mBytes, fSig)
    const founderFp = safeFingerprint(fKey ?? '')
    add('founder countersignature', ok, ok ? `Ed25519 over manifest.json, founder key ${founderFp}` : !fSig || !fKey ? 'manifest.founder.sig or founder.pub.pem is missing' : 'does not verify')
  }
  return { ok: items.every((i) => i.ok), bundle: dir, items }
}

/**
 * Verify a bundle folder or its zip: a zip is unpacked into a temporary folder first (its
 * entries sit in one top-level folder, as createBundle writes them).
 */
export function verifyBundlePath(path: string): VerifyReport {
  const p = resolve(path)
  if (!p.endsWith('.zip') || !existsSync(p) || statSync(p).isDirectory()) return verifyBundle(p)
  const tmp = mkdtempSync(join(tmpdir(), 'handover-verify-'))
  try {
    for (const e of readZip(readFileSync(p))) {
      const name = e.name.includes('/') ? e.name.slice(e.name.indexOf('/') + 1) : e.name
      if (!name || name.includes('/')) continue
      writeFileSync(join(tmp, name), e.data)
    }
    return { ...verifyBundle(tmp), bundle: p }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}
