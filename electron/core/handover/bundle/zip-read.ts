import { closeSync, constants, fstatSync, openSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { fromFdPromise, type Entry, type ZipFile } from 'yauzl'
import { AppError } from '@shared/errors'
import { formatBytes, kindOf } from '../../files/read'

/** Bounds for reading a zip that arrives from outside. */
export interface ZipLimits {
  /** Most entries the central directory may list. */
  maxEntries: number
  /** Largest inflated entry that is read. */
  maxEntryBytes: number
  /** Largest sum of the inflated entries read. */
  maxTotalBytes: number
}

/** One entry of the central directory, as it describes itself (nothing inflated yet). */
export interface ZipEntryInfo {
  name: string
  size: number
  kind: 'file' | 'directory' | 'symlink' | 'other'
  encrypted: boolean
}

/** A zip that is not one, or whose structure is broken: "invalid", with the reason. */
export class ZipFormatError extends Error {}

const S_IFMT = 0o170000

function entryKind(e: Entry): ZipEntryInfo['kind'] {
  if (e.fileName.endsWith('/')) return 'directory'
  const unixMode = (e.externalFileAttributes >>> 16) & S_IFMT
  if (unixMode === 0o120000) return 'symlink'
  if (unixMode === 0 || unixMode === 0o100000) return 'file'
  return unixMode === 0o040000 ? 'directory' : 'other'
}

/**
 * Walk a zip file's entries with yauzl and read the ones `pick` accepts, bounded: the entry
 * count is checked from the end record before any entry is listed, an entry's declared size
 * before it is inflated, and yauzl checks while inflating that no entry yields more bytes
 * than it declared (a zip bomb cannot lie its way past the caps). Unusable input (not a
 * regular file) is an AppError; a broken or crafted archive is a ZipFormatError.
 */
export async function readZipEntries(
  path: string,
  limits: ZipLimits,
  pick: (e: ZipEntryInfo) => boolean,
): Promise<{ entries: ZipEntryInfo[]; data: Map<string, Buffer> }> {
  const fd = openZip(path)
  let zip: ZipFile | undefined
  try {
    zip = await fromFdPromise(fd, { autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }).catch((e: unknown) => {
      throw new ZipFormatError(`not a readable zip archive (${reason(e)})`)
    })
    if (zip.entryCount > limits.maxEntries) throw new ZipFormatError(`the zip lists ${zip.entryCount} entries; a bundle has at most ${limits.maxEntries}`)
    const entries: ZipEntryInfo[] = []
    const data = new Map<string, Buffer>()
    let total = 0
    const it = zip.eachEntry()
    for (;;) {
      const next = await it.next().catch((e: unknown) => {
        throw new ZipFormatError(`the zip's directory is broken (${reason(e)})`)
      })
      if (next.done) break
      const e = next.value as Entry
      const info: ZipEntryInfo = { name: e.fileName, size: e.uncompressedSize, kind: entryKind(e), encrypted: e.isEncrypted() }
      entries.push(info)
      if (!pick(info)) continue
      if (info.encrypted || !e.canDecodeFileData()) throw new ZipFormatError(`${info.name} is encrypted or uses a compression this reader refuses (method ${e.compressionMethod})`)
      if (info.size > limits.maxEntryBytes) throw new ZipFormatError(`${info.name} inflates to ${formatBytes(info.size)}, over the ${formatBytes(limits.maxEntryBytes)} a bundle file may be`)
      total += info.size
      if (total > limits.maxTotalBytes) throw new ZipFormatError(`the zip's files add up to more than ${formatBytes(limits.maxTotalBytes)}`)
      if (data.has(info.name)) throw new ZipFormatError(`${info.name} appears twice in the zip`)
      data.set(info.name, await readEntry(zip, e, info.name))
    }
    return { entries, data }
  } finally {
    // yauzl's close closes the descriptor it was given; before it took it, close it here.
    if (zip) zip.close()
    else closeSync(fd)
  }
}

function openZip(path: string): number {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0))
  } catch (e) {
    throw new AppError('invalid_input', `cannot read ${path}: ${(e as { code?: string }).code === 'ELOOP' ? 'it is a symbolic link' : reason(e)}`)
  }
  const st = fstatSync(fd)
  if (!st.isFile()) {
    closeSync(fd)
    throw new AppError('invalid_input', `${path} is ${kindOf(st)}, not a zip file`)
  }
  return fd
}

async function readEntry(zip: ZipFile, e: Entry, name: string): Promise<Buffer> {
  try {
    const stream: Readable = await zip.openReadStreamPromise(e)
    const chunks: Buffer[] = []
    for await (const c of stream) chunks.push(c as Buffer)
    return Buffer.concat(chunks)
  } catch (err) {
    throw new ZipFormatError(`${name} cannot be read from the zip (${reason(err)})`)
  }
}

function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]
}
