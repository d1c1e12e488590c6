import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { PRIVATE_FILE_MODE } from '../../workspace/private'
import { ZipFile } from 'yazl'

export interface ZipEntry {
  name: string
  data: Buffer
}

/**
 * Write a zip archive to `path` with yazl: every entry deflated, names UTF-8, Zip64 only when
 * sizes need it. Written to `path.partial` and renamed, so a reader never sees half a zip.
 */
export async function writeZipFile(path: string, entries: ZipEntry[], mtime = new Date()): Promise<void> {
  const zip = new ZipFile()
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: true, mtime, mode: 0o100644 })
  zip.end()
  const partial = `${path}.partial`
  try {
    // readable by this user only, like every file of the bundle (workspace/private.ts)
    await pipeline(zip.outputStream, createWriteStream(partial, { mode: PRIVATE_FILE_MODE }))
    renameSync(partial, path)
  } catch (e) {
    rmSync(partial, { force: true })
    throw e
  }
}
