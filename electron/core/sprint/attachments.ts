import { createHash } from 'node:crypto'
import { existsSync, renameSync } from 'node:fs'
import { basename, join, resolve, sep } from 'node:path'
import { AppError } from '@shared/errors'
import { privateDir, writePrivateFile } from '../workspace/private'
import { readRegularFile } from '../files/read'

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

/**
 * Content-addressed attachment files under <workspace>/attachments/<sha256>. The stored path
 * is derived from the hash only, so nothing a person names can escape the workspace.
 */
export function storeAttachment(workspaceDir: string, bytes: Uint8Array): { sha256: string; size: number; path: string } {
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError('invalid_input', `attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB (this one is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`)
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const dir = join(workspaceDir, 'attachments')
  privateDir(dir)
  const path = attachmentPath(workspaceDir, sha256)
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`
    writePrivateFile(tmp, bytes)
    renameSync(tmp, path)
  }
  return { sha256, size: bytes.byteLength, path }
}

/** The file for a hash, refusing anything that is not a plain SHA-256 hex string. */
export function attachmentPath(workspaceDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('invalid_input', 'not an attachment hash')
  const root = resolve(workspaceDir, 'attachments')
  const p = resolve(root, sha256)
  if (!p.startsWith(root + sep)) throw new AppError('invalid_input', 'attachment path escapes the workspace')
  return p
}

/** A display name: the last path segment, control characters removed, bounded length. */
export function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const n = basename(String(name).replace(/\\/g, '/').replace(/[\u0000-\u001f\u007f]/g, '')).trim()
  // "." and ".." are path steps, not names.
  return (n && n !== '.' && n !== '..' ? n : 'attachment').slice(0, 200)
}

/** Raster image types a browser may show inline, told by their first bytes (never by the name or the uploader's MIME type). */
const IMAGE_MAGIC: [type: string, test: (b: Uint8Array) => boolean][] = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61],
  ['image/webp', (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP'],
]

/**
 * Whether an attachment may be previewed inline, and as what: only PNG, JPEG, GIF and WebP,
 * recognised by their bytes. SVG, HTML, PDF and anything else are only ever downloaded: an
 * attachment came from outside and is treated as hostile.
 */
export function previewType(bytes: Uint8Array): string | null {
  return IMAGE_MAGIC.find(([, test]) => bytes.byteLength >= 12 && test(bytes))?.[0] ?? null
}

/** An attachment's bytes, refused when the file no longer matches the hash recorded as evidence. */
export function readAttachmentFile(workspaceDir: string, sha256: string): Buffer {
  const bytes = readRegularFile(attachmentPath(workspaceDir, sha256), { max: MAX_ATTACHMENT_BYTES, label: 'attachment', noFollow: true })
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new AppError('conflict', 'this attachment was changed on disk after it was recorded: its bytes no longer match the hash in the evidence')
  return bytes
}
