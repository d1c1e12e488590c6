import { readFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/errors'
import type { IdentityInfo } from '@shared/contract/handover'
import type { Db } from '../../workspace/db'
import { writePrivateFile } from '../../workspace/private'
import type { SecretStore } from '../../vault/keychain'
import { loadIdentity } from '../identity'
import { FILES } from './files'
import { verifyBundle } from './verify'
import { writeBundleZip } from './build'

/**
 * The founder's acceptance: their own Ed25519 key (created on first use, private part in the
 * keychain) signs the same manifest bytes. Only a bundle that verifies can be countersigned.
 */
export async function countersignBundle(
  db: Db,
  secrets: SecretStore,
  o: { path: string; name: string; email?: string; engagementId?: string },
): Promise<{ founder: IdentityInfo; signature: string }> {
  const dir = resolve(o.path)
  const report = await verifyBundle(dir)
  const blocking = report.items.filter((i) => !i.ok && i.name !== 'founder countersignature')
  if (blocking.length) throw new AppError('invalid_input', `the bundle does not verify, so it cannot be accepted: ${blocking.map((i) => `${i.name}: ${i.detail}`).join('; ')}`)
  const founder = await loadIdentity(db, secrets, { role: 'founder', engagementId: o.engagementId, name: o.name, email: o.email })
  const manifest = readFileSync(join(dir, FILES.manifest))
  const sig = founder.sign(manifest)
  writePrivateFile(join(dir, FILES.founderKey), founder.edPublicPem)
  writePrivateFile(join(dir, FILES.founderSig), sig)
  if (existsSync(`${dir}.zip`)) await writeBundleZip(dir)
  return { founder: founder.info, signature: join(dir, FILES.founderSig) }
}
