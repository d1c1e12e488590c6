import { AppError } from '@shared/errors'
import type { Acceptance } from '@shared/contract/handover'
import { FILES } from './files'
import { openBundle } from './input'
import { verifyBundleInput } from './verify'
import { ACCEPTANCE_FILE, checkAcceptance } from './acceptance'
import { addToFolder } from './countersign'

/** The most each part of an acceptance may be: a few lines of text, a 64-byte signature, a PEM key. */
export const ACCEPTANCE_PART_BYTES: Record<string, number> = { txt: 4096, sig: 1024, 'pub.pem': 4096 }

/**
 * Bring a founder's returned acceptance (the three acceptance-<label> files they made on their own
 * machine) into a bundle folder. The files come from outside and are hostile until shown
 * otherwise: each name must be an acceptance part (so it cannot name a path), each part is
 * size-bounded, all three of one acceptance come together, the bundle must verify, and the
 * acceptance must hold for this bundle's manifest (signed by the key beside it, over this
 * manifest's hash) before anything is written. Files already there with the same bytes are kept;
 * different ones are refused, never overwritten.
 */
export async function addAcceptance(dir: string, files: { name: string; bytes: Buffer }[]): Promise<Acceptance> {
  if (files.length === 0 || files.length > 3) throw new AppError('invalid_input', `an acceptance is three files (acceptance-….txt, .sig and .pub.pem); ${files.length} were chosen`)
  const parts = new Map<string, Buffer>()
  let stem = ''
  for (const f of files) {
    const m = ACCEPTANCE_FILE.exec(f.name)
    if (!m) throw new AppError('invalid_input', `"${f.name.slice(0, 80)}" is not an acceptance file: the founder's files are named acceptance-<label>.txt, .sig and .pub.pem`)
    const max = ACCEPTANCE_PART_BYTES[m[2]]!
    if (f.bytes.byteLength > max) throw new AppError('invalid_input', `${f.name} is ${f.bytes.byteLength} bytes; an acceptance's .${m[2]} is at most ${max}`)
    if (stem && m[1] !== stem) throw new AppError('invalid_input', `these files belong to two acceptances (${stem} and ${m[1]}): add one founder's three files at a time`)
    if (parts.has(f.name)) throw new AppError('invalid_input', `${f.name} was chosen twice`)
    stem = m[1]
    parts.set(f.name, f.bytes)
  }
  const missing = ['txt', 'sig', 'pub.pem'].map((p) => `${stem}.${p}`).filter((n) => !parts.has(n))
  if (missing.length) throw new AppError('invalid_input', `the acceptance is incomplete: choose ${missing.join(' and ')} too (the founder sends three files)`)

  const input = await openBundle(dir)
  if (input.zipRoot !== undefined) throw new AppError('invalid_input', 'acceptances are added to a bundle folder, not a zip')
  const report = await verifyBundleInput(input)
  // another acceptance that does not hold is not this one's business
  const blocking = report.items.filter((i) => !i.ok && !ACCEPTANCE_FILE.test(`${i.name}.txt`))
  if (blocking.length) throw new AppError('invalid_input', `the bundle does not verify, so no acceptance can be added to it: ${blocking.map((i) => `${i.name}: ${i.detail}`).join('; ')}`)
  const manifestBytes = input.files.get(FILES.manifest)!
  const found = checkAcceptance(stem, parts, manifestBytes)
  if (!found.ok) throw new AppError('invalid_input', `this acceptance does not hold for this bundle, so it was not added: ${found.detail}`)

  const clash = [...parts].find(([name, bytes]) => input.files.has(name) && !input.files.get(name)!.equals(bytes))
  if (clash) throw new AppError('conflict', `${clash[0]} is already beside the bundle with other contents: remove it first if this one replaces it`)
  const fresh = new Map([...parts].filter(([name]) => !input.files.has(name)))
  if (fresh.size) await addToFolder(input.source, fresh)
  return found
}
