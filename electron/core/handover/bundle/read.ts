import { lstatSync, readFileSync, realpathSync, type Stats } from 'node:fs'
import { formatBytes, readRegularFile } from '../../files/read'
import { isAbsolute, join, sep, win32 } from 'node:path'
import { AppError } from '@shared/errors'
import { FILES } from './files'

/** The largest bundle file the UI may read in one piece (the PDF, the zip). */
export const MAX_BUNDLE_READ_BYTES = 50 * 1024 * 1024

const NAME = /^\w[\w.-]{0,199}$/

/** A bundle folder that belongs to one engagement, resolved under the bundles root. */
export interface BundleRef {
  name: string
  dir: string
  zip: string
}

/**
 * Find the bundle `name` under `root` for the engagement whose domain is `domain`. Bundle names
 * come from the UI, so they are untrusted: one plain folder name, a real folder (not a link)
 * directly under the root, whose manifest names this engagement. Anything else is not found.
 */
export function findBundle(root: string, name: string, domain: string): BundleRef {
  if (!NAME.test(name)) throw new AppError('invalid_input', `"${name}" is not a bundle folder name`)
  const missing = () => new AppError('not_found', `this engagement has no bundle named "${name}"`)
  const dir = join(root, name)
  const st = lstatOrNull(dir)
  if (!st) throw missing()
  if (st.isSymbolicLink() || !st.isDirectory()) throw new AppError('invalid_input', `"${name}" is not a bundle folder`)
  if (realpathSync(dir) !== join(realpathSync(root), name)) throw missing()
  let manifest: { engagement?: { domain?: string } }
  try {
    manifest = JSON.parse(readFileSync(readableFile(dir, FILES.manifest), 'utf8')) as typeof manifest
  } catch {
    throw missing()
  }
  if (manifest.engagement?.domain !== domain) throw missing()
  return { name, dir, zip: `${dir}.zip` }
}

/**
 * Read one file of a bundle folder. `path` is relative to the folder and untrusted: absolute
 * paths, backslashes, `.` and `..` segments, hidden names, symbolic links and anything that
 * resolves outside the folder are refused; so is a file over `max` bytes.
 */
export function readBundleFile(dir: string, path: string, max = MAX_BUNDLE_READ_BYTES): Buffer {
  return readCapped(readableFile(dir, path), path, max)
}

/** The bundle's zip (beside its folder) when it is a plain file; throws saying why not. */
export function bundleZip(b: BundleRef): string {
  const st = lstatOrNull(b.zip)
  if (!st) throw new AppError('not_found', `${b.name} has no zip: rebuild the bundle`)
  if (st.isSymbolicLink() || !st.isFile()) throw new AppError('invalid_input', `${b.name}.zip is not a plain file`)
  return b.zip
}

/** Read a bundle's zip, with the same refusals and size cap as its files. */
export function readBundleZip(b: BundleRef, max = MAX_BUNDLE_READ_BYTES): Buffer {
  return readCapped(bundleZip(b), `${b.name}.zip`, max)
}

/** The size of the bundle's zip, or 0 when it is missing. */
export function zipSize(b: BundleRef): number {
  const st = lstatOrNull(b.zip)
  return st?.isFile() ? st.size : 0
}

/** Check `path` and return the absolute file it names inside `dir`, or throw saying why not. */
function readableFile(dir: string, path: string): string {
  const refuse = (why: string) => new AppError('invalid_input', `refusing "${path}": ${why}`)
  if (isAbsolute(path) || win32.isAbsolute(path)) throw refuse('only paths inside the bundle folder can be read')
  if (path.includes('\\') || path.includes('\0')) throw refuse('use / between folder names')
  const parts = path.split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw refuse('"." and ".." are not allowed')
  if (parts.some((p) => p.startsWith('.'))) throw refuse('hidden files are not part of a bundle')
  const file = join(dir, ...parts)
  const st = lstatOrNull(file)
  if (!st) throw new AppError('not_found', `${path} is not in this bundle`)
  if (st.isSymbolicLink()) throw refuse('it is a symbolic link')
  if (!st.isFile()) throw refuse('not a file')
  // A linked folder on the way could still lead out: compare real paths.
  const real = realpathSync(file)
  if (!real.startsWith(realpathSync(dir) + sep)) throw refuse('it resolves outside the bundle folder')
  return real
}

/** Read a file whole, refusing links at the last step and anything over `max` bytes. */
function readCapped(file: string, label: string, max: number): Buffer {
  return readRegularFile(file, {
    max,
    label,
    noFollow: true,
    tooLarge: (size) => new AppError('unavailable', `${label} is ${formatBytes(size)}, over the ${formatBytes(max)} the app reads at once: open the bundle folder instead`),
  })
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p)
  } catch {
    return null
  }
}
