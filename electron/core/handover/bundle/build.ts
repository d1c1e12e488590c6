import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { attachmentPath } from '../../sprint/attachments'
import { basename, dirname, join, resolve } from 'node:path'
import { AppError } from '@shared/errors'
import type { BundleInfo } from '@shared/contract/handover'
import type { Engagement } from '@shared/schemas/engagement'
import type { Workspace } from '../../workspace'
import { privateDir, writePrivateFile } from '../../workspace/private'
import type { SecretStore } from '../../vault/keychain'
import { redact } from '../../vault/redact'
import { consultantIdentity } from '../consultant'
import { InventoryRepo } from '../inventory/repo'
import { prefillInventory } from '../inventory/prefill'
import { gatherHandover, type HandoverData } from '../data'
import { buildBaseline } from '../baseline'
import { renderHandoverPdf } from '../pdf/document'
import { signPdf } from '../pdf/sign'
import { FILES } from './files'
import { MANIFEST_FORMAT, manifestBytes, sha256, type Manifest } from './manifest'
import { verifyText } from './verify-text'
import { writeZipFile } from './zip'
import { signAnchor } from '../../evidence/anchor'
import { GENESIS, linkHash } from '../../evidence/store'
import { canonicalJson } from '../../evidence/canonical'
import { recordBundleLocation } from '../../portfolio/bundles'

export interface BundleOptions {
  workspace: Workspace
  engagement: Engagement
  /** The bundle folder to create (must not exist, or be empty); DIR.zip is written beside it. */
  outDir: string
  /** Where the consultant's private keys are (the OS keychain); their details come from the workspace. */
  secrets: SecretStore
  now?: Date
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8')

/**
 * Build the signed handover bundle for an engagement: the signed PDF and the machine-readable
 * files, VERIFY.txt, manifest.json with the SHA-256 of each, its Ed25519 signature, and a zip
 * of the folder. Written to a temporary sibling folder and renamed, so a killed process never
 * leaves a half-written bundle under the final name.
 */
export async function createBundle(o: BundleOptions): Promise<BundleInfo> {
  const outDir = resolve(o.outDir)
  if (existsSync(outDir) && readdirSync(outDir).length) throw new AppError('conflict', `${outDir} already exists and is not empty`)
  const now = o.now ?? new Date()
  const { workspace: ws, engagement: e } = o
  // Signed only by an identity a person set: never one named after the OS user.
  const identity = await consultantIdentity(ws.db, o.secrets)
  const pdfKeys = identity.pdfKeys()
  if (!pdfKeys) throw new AppError('internal', 'the consultant identity has no PDF certificate')
  const { name, email, organisation, website, fingerprint, certFingerprint } = identity.info
  const signer = { name, email, organisation, website, fingerprint, certFingerprint }

  const repo = new InventoryRepo(ws.db)
  const inventory = prefillInventory(ws.db, repo, e.id)
  const data = gatherHandover(ws, e, inventory, signer, now)
  // A conclusion the chain does not back (an edited result, a cut tail) never reaches a founder.
  if (!data.chain.ok) throw new AppError('conflict', `the evidence does not verify (${data.chain.reason}); no bundle was built. Run: handover evidence verify`)
  const anchor = signAnchor(ws.db, {
    engagementId: e.id,
    domain: e.domain,
    seq: data.chain.count,
    head: data.chain.head ?? GENESIS,
    purpose: 'bundle',
    signer: { name: signer.name, fingerprint: signer.fingerprint, publicPem: identity.edPublicPem, sign: identity.sign },
    now,
  })
  const unsigned = await renderHandoverPdf(data)
  const pdf = await signPdf(unsigned, pdfKeys, { name: signer.name, email: signer.email, reason: `Production handover of ${data.domainUnicode}`, location: signer.organisation, signingTime: now })

  const files = new Map<string, Buffer>()
  files.set(FILES.pdf, pdf)
  files.set(FILES.inventory, json({ format: 'handover-inventory/1', engagement: { client: e.clientName, domain: e.domain }, entries: data.inventory }))
  // The signed head (its key is signer.pub.pem) lets anyone re-hash the items up to it.
  const signedHead = { statement: anchor.statement, signature: anchor.signature }
  const items = markMasked(e.id, data.evidence)
  files.set(FILES.evidence, json({ format: 'handover-evidence/1', engagement: { client: e.clientName, domain: e.domain }, chain: data.chain, anchor: signedHead, items }))
  files.set(FILES.baseline, json(buildBaseline(e, data.results, now)))
  files.set(FILES.publicKey, Buffer.from(identity.edPublicPem))
  files.set(FILES.cert, Buffer.from(identity.certPem ?? ''))
  // Files people attached as evidence (screenshots, exports) travel with the bundle, listed in
  // the manifest like every file; the PDF names each under its item.
  for (const a of data.attachments) {
    const file = attachmentPath(ws.dir, a.sha256)
    if (!existsSync(file)) throw new AppError('not_found', `attachment ${a.name} (${a.sha256.slice(0, 12)}…) is missing from the workspace's attachments folder`)
    files.set(a.path, readFileSync(file))
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    createdAt: now.toISOString(),
    engagement: { client: e.clientName, domain: e.domain, domainUnicode: data.domainUnicode },
    signer,
    files: [],
  }
  files.set(FILES.verify, Buffer.from(verifyText(manifest, [...files.keys(), FILES.verify]), 'utf8'))
  manifest.files = [...files].map(([path, b]) => ({ path, sha256: sha256(b), size: b.length })).sort((a, b) => a.path.localeCompare(b.path))
  // Belt and braces: a registered secret must never reach a text file of the bundle.
  const binary = new Set([FILES.pdf, ...data.attachments.map((a) => a.path)])
  for (const [path, b] of files) if (!binary.has(path) && redact(b.toString('utf8')) !== b.toString('utf8')) throw new AppError('internal', `refusing to write ${path}: it would contain a secret`)
  const mBytes = manifestBytes(manifest)
  files.set(FILES.manifest, mBytes)
  files.set(FILES.signature, identity.sign(mBytes))

  const tmp = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}`)
  rmSync(tmp, { recursive: true, force: true })
  privateDir(tmp)
  for (const [path, b] of files) {
    privateDir(dirname(join(tmp, path)))
    writePrivateFile(join(tmp, path), b)
  }
  if (existsSync(outDir)) rmSync(outDir, { recursive: true })
  renameSync(tmp, outDir)
  recordBundleLocation(ws.db, e.domain, outDir)
  const zip = await writeBundleZip(outDir)
  return { dir: outDir, zip, files: manifest.files, signer: { name, email, organisation, website, fingerprint } }
}

/**
 * Items whose data had to be masked for the bundle (a value registered as a secret after it was
 * recorded) no longer re-hash to the hash they carry: say so on the item (`masked: true`), so
 * `verify` takes that link on its recorded hash instead of calling it tampered.
 */
function markMasked(engagementId: string, items: HandoverData['evidence']): (HandoverData['evidence'][number] & { masked?: true })[] {
  return items.map((it) => {
    const body = canonicalJson({ engagementId, seq: it.seq, kind: it.kind, label: it.label, checkId: it.checkId, target: it.target, status: it.status, createdAt: it.createdAt, data: it.data })
    return linkHash(it.prevHash, body) === it.hash ? it : { ...it, masked: true as const }
  })
}

/** (Re)write DIR.zip from the bundle folder's files, inside a folder named like the bundle. */
export async function writeBundleZip(dir: string): Promise<string> {
  const names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort()
  const zipPath = `${dir}.zip`
  await writeZipFile(zipPath, names.map((n) => ({ name: `${basename(dir)}/${n}`, data: readFileSync(join(dir, n)) })))
  return zipPath
}
