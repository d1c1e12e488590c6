import { ACCEPTANCE_FILE } from './acceptance'

/** File names of a bundle (contract: DESIGN.md §7). */
export const FILES = {
  pdf: 'handover.pdf',
  inventory: 'inventory.json',
  evidence: 'evidence.json',
  baseline: 'baseline.json',
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  publicKey: 'signer.pub.pem',
  cert: 'signer.cert.pem',
  verify: 'VERIFY.txt',
  /** A founder's countersignature as bundles made before acceptances wrote it (no name or date). */
  founderSig: 'manifest.founder.sig',
  founderKey: 'founder.pub.pem',
} as const

/** Files that sit beside the manifest rather than in it (they sign it). */
export const UNLISTED = new Set<string>([FILES.manifest, FILES.signature, FILES.founderSig, FILES.founderKey])

/** A file that may sit in the bundle folder without being listed: the signatures over the manifest and founders' acceptances. */
export function isBesideManifest(name: string): boolean {
  return UNLISTED.has(name) || ACCEPTANCE_FILE.test(name)
}
