import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { AppError } from '@shared/errors'

export interface ReadOptions {
  /** The most bytes this kind of file may hold; larger files are refused before any is read. */
  max: number
  /** What the file is, for messages ("engagement export", "scenario file"). */
  label: string
  /** Refuse a symbolic link at the last step (bundle files); a path a person typed may be one. */
  noFollow?: boolean
  /** The error for a file over `max`, when the default (invalid input) is not the right one. */
  tooLarge?: (size: number) => Error
}

/** "12.0 MB": sizes in messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${n} bytes`
}

/** What kind of thing a stat describes, in words ("a FIFO", "a directory"). */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory'
  if (st.isFIFO()) return 'a FIFO (named pipe)'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  if (st.isSocket()) return 'a socket'
  if (st.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

/**
 * Read a whole file that arrives from outside (an import, a scenario, a bundle file), bounded
 * before reading: only a regular file (never a FIFO, device, socket or directory) of at most
 * `max` bytes. The open is non-blocking, so a FIFO cannot hang it; the size is taken from the
 * open descriptor, so the file checked is the file read. Every refusal is one AppError line.
 */
export function readRegularFile(path: string, o: ReadOptions): Buffer {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (o.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0)
  let fd: number
  try {
    fd = openSync(path, flags)
  } catch (e) {
    throw new AppError('invalid_input', `cannot read the ${o.label} ${path}: ${openError(e)}`)
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new AppError('invalid_input', `the ${o.label} ${path} is ${kindOf(st)}, not a regular file`)
    if (st.size > o.max) throw o.tooLarge?.(st.size) ?? new AppError('invalid_input', `the ${o.label} ${path} is ${formatBytes(st.size)}, over the ${formatBytes(o.max)} limit`)
    const buf = Buffer.alloc(st.size)
    let at = 0
    while (at < st.size) {
      const n = readSync(fd, buf, at, st.size - at, at)
      if (n === 0) break
      at += n
    }
    return at === st.size ? buf : buf.subarray(0, at)
  } finally {
    closeSync(fd)
  }
}

function openError(e: unknown): string {
  const code = (e as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ELOOP') return 'it is a symbolic link'
  if (code === 'EISDIR') return 'it is a directory'
  return code ?? (e instanceof Error ? e.message : String(e))
}
