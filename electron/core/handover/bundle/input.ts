import { closeSync, constants, lstatSync, openSync, readdirSync, readSync, type Stats } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppError } from '@shared/errors'
import { formatBytes, kindOf, readRegularFile } from '../../files/read'
import { readZipEntries, ZipFormatError, type ZipEntryInfo, type ZipLimits } from './zip-read'
import { FILES } from './files'

/** Bounds for a bundle read by `verify`: a real one has about ten files of a few MB at most. */
export const BUNDLE_LIMITS: ZipLimits = { maxEntries: 64, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 }

/** A bundle as read from a folder or a zip, before anything in it is trusted. */
export interface BundleInput {
  /** The folder or zip that was read. */
  source: string
  /** The bundle folder's plain files, by name. */
  files: Map<string, Buffer>
  /** Everything else that was there, by name, with why it is not a bundle file. */
  problems: Map<string, string>
  /** A zip's folder that holds the bundle ('' at the top, 'name/' inside one); undefined for a folder. */
  zipRoot?: string
}

/** A bundle whose structure is wrong as a whole (a crafted zip, too many files): invalid, with the reason. */
export class InvalidBundle extends Error {}

/**
 * Read a bundle folder or zip as hostile input. The path itself must be a real folder or a
 * regular zip file (not a symbolic link, FIFO or device): otherwise it is unusable input, an
 * AppError. Inside, only plain files directly in the bundle folder are read, each bounded;
 * links, subfolders, nested or hidden entries and oversized files are listed as problems (each
 * fails verification), never followed or skipped in silence.
 */
export async function openBundle(path: string, limits: ZipLimits = BUNDLE_LIMITS): Promise<BundleInput> {
  const source = resolve(path)
  const st = lstatOrNull(source)
  if (!st) throw new AppError('invalid_input', `${source}: no such bundle folder or zip`)
  if (st.isSymbolicLink()) throw new AppError('invalid_input', `${source} is a symbolic link: give the bundle folder or zip itself`)
  if (st.isDirectory()) return openFolder(source, limits)
  if (!st.isFile()) throw new AppError('invalid_input', `${source} is ${kindOf(st)}, neither a bundle folder nor a zip`)
  if (!looksLikeZip(source)) throw new AppError('invalid_input', `${source} is neither a bundle folder nor a zip`)
  try {
    return await openZip(source, limits)
  } catch (e) {
    if (e instanceof ZipFormatError) throw new InvalidBundle(e.message)
    throw e
  }
}

function openFolder(dir: string, limits: ZipLimits): BundleInput {
  const files = new Map<string, Buffer>()
  const problems = new Map<string, string>()
  const names = readdirSync(dir).sort()
  if (names.length > limits.maxEntries) throw new InvalidBundle(`the folder holds ${names.length} entries; a bundle has at most ${limits.maxEntries}`)
  let total = 0
  for (const name of names) {
    const st = lstatOrNull(join(dir, name))
    const why = !st ? 'vanished while being read' : refuseEntry(name, st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'directory' : st.isFile() ? 'file' : 'other')
    if (why) {
      problems.set(name, why)
      continue
    }
    if (st!.size > limits.maxEntryBytes) {
      problems.set(name, `is ${formatBytes(st!.size)}, over the ${formatBytes(limits.maxEntryBytes)} a bundle file may be`)
      continue
    }
    total += st!.size
    if (total > limits.maxTotalBytes) throw new InvalidBundle(`the folder's files add up to more than ${formatBytes(limits.maxTotalBytes)}`)
    files.set(name, readRegularFile(join(dir, name), { max: limits.maxEntryBytes, label: 'bundle file', noFollow: true }))
  }
  return { source: dir, files, problems }
}

/** Why an entry directly in the bundle folder is not a bundle file, or null when it is one. */
function refuseEntry(name: string, kind: ZipEntryInfo['kind']): string | null {
  if (kind === 'symlink') return 'is a symbolic link; a bundle holds plain files only'
  if (kind === 'directory') return 'is a folder; a bundle has no subfolders'
  if (kind !== 'file') return 'is not a plain file'
  if (name.startsWith('.')) return 'is a hidden file, not part of the signed bundle'
  return null
}

/**
 * The bundle folder inside a zip: where manifest.json is (at the top, or in one top-level
 * folder, as createBundle writes it); every entry elsewhere is a problem, not a bundle file.
 */
async function openZip(zipPath: string, limits: ZipLimits): Promise<BundleInput> {
  const listing = await readZipEntries(zipPath, limits, () => false)
  const roots = listing.entries.filter((e) => e.name === FILES.manifest || /^[^/.][^/]*\/manifest\.json$/.test(e.name)).map((e) => e.name.slice(0, -FILES.manifest.length))
  if (roots.length > 1) throw new InvalidBundle(`the zip holds more than one manifest.json (${roots.map((r) => r || '(top)').join(', ')})`)
  const root = roots[0] ?? ''
  const problems = new Map<string, string>()
  const pick = (e: ZipEntryInfo): boolean => {
    // the bundle folder's own entry (and its parents) carry no data
    if (e.kind === 'directory' && root.startsWith(e.name)) return false
    const name = e.name.startsWith(root) ? e.name.slice(root.length).replace(/\/$/, '') : ''
    if (!name || name.includes('/')) {
      problems.set(e.name, 'is outside the bundle folder or nested in it: not part of the signed bundle')
      return false
    }
    const why = refuseEntry(name, e.kind)
    if (why) problems.set(name, why)
    return !why
  }
  const read = await readZipEntries(zipPath, limits, pick)
  const files = new Map<string, Buffer>()
  for (const [name, data] of read.data) files.set(name.slice(root.length), data)
  return { source: zipPath, files, problems, zipRoot: root }
}

function looksLikeZip(path: string): boolean {
  const head = Buffer.alloc(4)
  let fd: number | undefined
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0))
    readSync(fd, head, 0, 4, 0)
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
  // A local file header, or the end record of an empty archive.
  return head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p)
  } catch {
    return null
  }
}
