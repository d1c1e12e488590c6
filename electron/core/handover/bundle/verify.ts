import type { Acceptance, BundleSigner, VerifyItem, VerifyReport } from '@shared/contract/handover'
import { tryKeyFingerprint } from '../fingerprint'
import { FILES, isBesideManifest } from './files'
import { InvalidBundle, openBundle, type BundleInput } from './input'
import { sha256, verifyEd25519, type Manifest } from './manifest'
import { verifyEvidenceChain } from './verify-chain'
import { pdfChecks } from './verify-pdf'
import { acceptanceStems, checkAcceptance } from './acceptance'

/** What each verification step sees: the bundle as read, its manifest and the signer's key. */
export interface BundleCheckContext {
  input: BundleInput
  manifest: Manifest
  manifestBytes: Buffer
  signerPem: string
  add(name: string, ok: boolean, detail: string): void
  /** Founders' acceptances found so far (the acceptance step fills it). */
  acceptances: Acceptance[]
}

/** One verification step; steps only add items. */
export type BundleCheck = (c: BundleCheckContext) => void | Promise<void>

export interface VerifyOptions {
  /** The key fingerprint the consultant sent (shared/fingerprint.ts format): any other key fails. */
  expectFingerprint?: string
  /** Steps run after the built-in ones. */
  checks?: BundleCheck[]
}

/** Parse manifest.json, or explain why it cannot be used. */
function parseManifest(bytes: Buffer | undefined): Manifest | string {
  if (!bytes) return 'manifest.json is missing'
  try {
    const m = JSON.parse(bytes.toString('utf8')) as Manifest
    if (!m || !Array.isArray(m.files) || typeof m.signer?.fingerprint !== 'string' || typeof m.engagement?.domain !== 'string') return 'manifest.json is not a handover manifest'
    return m
  } catch {
    return 'manifest.json is not valid JSON'
  }
}

const signerKey: BundleCheck = ({ manifest, signerPem, add }) => {
  const fp = tryKeyFingerprint(signerPem)
  add('signer key', fp === manifest.signer.fingerprint, fp === manifest.signer.fingerprint ? `fingerprint ${fp}` : `signer.pub.pem does not match the manifest's signer fingerprint`)
}

/** Every listed file is there with its hash; everything else in the bundle is accounted for. */
const listedFiles: BundleCheck = ({ input, manifest, add }) => {
  const listed = new Set<string>()
  for (const f of manifest.files) {
    const path = String(f?.path)
    listed.add(path)
    const why = input.problems.get(path)
    const b = input.files.get(path)
    if (!/^[^/\\.][^/\\]*$/.test(path)) add(`file ${path}`, false, 'the manifest names a path outside the bundle folder')
    else if (why) add(`file ${path}`, false, why)
    else if (!b) add(`file ${path}`, false, 'missing')
    else {
      const h = sha256(b)
      add(`file ${path}`, h === f.sha256, h === f.sha256 ? `sha256 ${h}` : `sha256 is ${h}, manifest says ${f.sha256}`)
    }
  }
  for (const name of input.files.keys()) if (!listed.has(name) && !isBesideManifest(name)) add(`file ${name}`, false, 'not listed in the manifest')
  for (const [name, why] of input.problems) if (!listed.has(name)) add(`file ${name}`, false, why)
}

const evidenceChain: BundleCheck = ({ input, manifest, signerPem, add }) => {
  const item = verifyEvidenceChain(input.files.get(FILES.evidence), signerPem, manifest.engagement.domain)
  if (item) add(item.name, item.ok, item.detail)
}

/** Each founder's acceptance beside the bundle must be over exactly this manifest. */
const acceptances: BundleCheck = (c) => {
  for (const stem of acceptanceStems(c.input.files.keys())) {
    const a = checkAcceptance(stem, c.input.files, c.manifestBytes)
    c.acceptances.push(a)
    c.add(stem, a.ok, a.detail)
  }
}

/** A countersignature as bundles made before acceptances wrote it: a bare signature, no name or date. */
const legacyCountersignature: BundleCheck = ({ input, manifestBytes, add }) => {
  const fSig = input.files.get(FILES.founderSig)
  const fKey = input.files.get(FILES.founderKey)?.toString('utf8')
  if (!fSig && !fKey) return
  const ok = !!fSig && !!fKey && verifyEd25519(fKey, manifestBytes, fSig)
  add('founder countersignature (old format: no name or date)', ok, ok ? `Ed25519 over manifest.json, founder key ${tryKeyFingerprint(fKey!) ?? ''}` : !fSig || !fKey ? 'manifest.founder.sig or founder.pub.pem is missing' : 'does not verify')
}

/** The bundle must be signed with the key whose fingerprint the consultant sent. */
export function expectedKey(fingerprint: string): BundleCheck {
  return ({ signerPem, add }) => {
    const fp = tryKeyFingerprint(signerPem)
    add(
      'expected key',
      fp === fingerprint,
      fp === fingerprint
        ? `signed with the key you expected, ${fp}`
        : `signed with the key ${fp ?? '(unreadable)'}, not the one you expected (${fingerprint}): this bundle was not signed by the key your consultant gave you`,
    )
  }
}

const CHECKS: BundleCheck[] = [signerKey, listedFiles, pdfChecks, evidenceChain, acceptances, legacyCountersignature]

function signerOf(m: Manifest, pem: string): BundleSigner {
  const s = m.signer as Partial<Manifest['signer']>
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  return { name: text(s.name), email: text(s.email), organisation: text(s.organisation), website: text(s.website), fingerprint: tryKeyFingerprint(pem) ?? text(s.fingerprint) }
}

/**
 * Verify a bundle already read (openBundle): the manifest's Ed25519 signature, the signer key,
 * every listed file's SHA-256, nothing unaccounted for (extra, hidden, nested, linked or
 * oversized entries each fail), the PDF's embedded signature, certificate and printed
 * fingerprint, evidence.json against its signed chain head, founders' acceptances, with
 * `expectFingerprint` the signing key itself, then any extra steps.
 */
export async function verifyBundleInput(input: BundleInput, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const items: VerifyItem[] = []
  const add = (name: string, ok: boolean, detail: string) => items.push({ name, ok, detail })
  const expected = opts.expectFingerprint ?? null
  const mBytes = input.files.get(FILES.manifest)
  const pub = input.files.get(FILES.publicKey)?.toString('utf8') ?? ''
  const sig = input.files.get(FILES.signature)
  // The signature is checked over the raw bytes first, so a damaged manifest still reports it.
  add(
    'manifest signature',
    !!mBytes && !!pub && !!sig && verifyEd25519(pub, mBytes, sig),
    !mBytes ? 'manifest.json is missing' : !pub ? 'signer.pub.pem is missing' : !sig ? 'manifest.sig is missing' : 'Ed25519 over manifest.json',
  )
  const m = parseManifest(mBytes)
  if (typeof m === 'string' || !mBytes) {
    add(FILES.manifest, false, typeof m === 'string' ? m : 'missing')
    for (const [name, why] of input.problems) add(`file ${name}`, false, why)
    if (expected) add('expected key', false, 'no readable manifest, so no key can be matched')
    return { ok: false, bundle: input.source, items, signer: null, expected, acceptances: [] }
  }
  const ctx: BundleCheckContext = { input, manifest: m, manifestBytes: mBytes, signerPem: pub, add, acceptances: [] }
  const steps = [...CHECKS, ...(expected ? [expectedKey(expected)] : []), ...(opts.checks ?? [])]
  for (const check of steps) await check(ctx)
  return { ok: items.every((i) => i.ok), bundle: input.source, items, signer: signerOf(m, pub), expected, acceptances: ctx.acceptances }
}

/**
 * Verify a bundle folder or its zip. Unusable input (no such path, a symbolic link, a FIFO or
 * device, a file that is no zip) throws an AppError (the CLI's exit 2); a bundle that can be
 * read but is wrong, crafted zips included, is an invalid report with its reasons (exit 1).
 */
export async function verifyBundle(path: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  let input: BundleInput
  try {
    input = await openBundle(path)
  } catch (e) {
    if (e instanceof InvalidBundle) return { ok: false, bundle: path, items: [{ name: 'bundle', ok: false, detail: e.message }], signer: null, expected: opts.expectFingerprint ?? null, acceptances: [] }
    throw e
  }
  return verifyBundleInput(input, opts)
}
