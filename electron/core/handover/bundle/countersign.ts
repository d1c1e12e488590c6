import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '@shared/errors'
import type { Acceptance } from '@shared/contract/handover'
import type { Db } from '../../workspace/db'
import { writePrivateFile } from '../../workspace/private'
import type { SecretStore } from '../../vault/keychain'
import { founderIdentity } from '../founder'
import { FILES } from './files'
import { openBundle, type BundleInput } from './input'
import { sha256, type Manifest } from './manifest'
import { verifyBundleInput } from './verify'
import { writeBundleZip } from './build'
import { writeZipFile } from './zip'
import { ACCEPTANCE_FILE, acceptanceText, checkAcceptance } from './acceptance'

/**
 * The founder's acceptance: their own Ed25519 key (one per founder and engagement, made on first
 * use, private part in this machine's keychain) signs a statement naming the manifest's SHA-256,
 * their name, email and the time. Written beside the bundle as acceptance-<key>.txt/.sig/.pub.pem
 * (a folder gets the files, and its DIR.zip is refreshed; a zip gets them added to its folder);
 * the consultant's signed files are never changed. Only a bundle that verifies can be accepted.
 */
export async function countersignBundle(db: Db, secrets: SecretStore, o: { path: string; name: string; email: string; now?: Date }): Promise<Acceptance> {
  const input = await openBundle(o.path)
  const report = await verifyBundleInput(input)
  // Another founder's acceptance that does not hold is theirs to fix; it does not block this one.
  const blocking = report.items.filter((i) => !i.ok && !ACCEPTANCE_FILE.test(`${i.name}.txt`))
  if (blocking.length) throw new AppError('invalid_input', `the bundle does not verify, so it cannot be accepted: ${blocking.map((i) => `${i.name}: ${i.detail}`).join('; ')}`)
  const manifestBytes = input.files.get(FILES.manifest)!
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest
  const founder = await founderIdentity(db, secrets, { domain: manifest.engagement.domain, name: o.name, email: o.email })
  const stem = `acceptance-${founder.info.fingerprint.slice(0, 16)}`
  const text = Buffer.from(acceptanceText({ manifestSha256: sha256(manifestBytes), name: o.name, email: o.email, acceptedAt: (o.now ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z') }), 'utf8')
  const added = new Map<string, Buffer>([
    [`${stem}.txt`, text],
    [`${stem}.sig`, founder.sign(text)],
    [`${stem}.pub.pem`, Buffer.from(founder.edPublicPem)],
  ])
  if (input.zipRoot === undefined) await addToFolder(input.source, added)
  else await addToZip(input, added)
  return checkAcceptance(stem, added, manifestBytes)
}

/** Write files beside a bundle folder's signed ones (each via a hidden partial file, then renamed) and refresh its zip. */
export async function addToFolder(dir: string, added: Map<string, Buffer>): Promise<void> {
  for (const [name, data] of added) {
    const partial = join(dir, `.${name}.partial`)
    writePrivateFile(partial, data)
    renameSync(partial, join(dir, name))
  }
  if (existsSync(`${dir}.zip`)) await writeBundleZip(dir)
}

/** Rewrite the zip with every file it held, byte for byte, and the acceptance's files beside them. */
async function addToZip(input: BundleInput, added: Map<string, Buffer>): Promise<void> {
  const files = new Map([...input.files, ...added])
  await writeZipFile(input.source, [...files].sort(([a], [b]) => a.localeCompare(b)).map(([name, data]) => ({ name: `${input.zipRoot}${name}`, data })))
}
