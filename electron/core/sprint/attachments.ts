import { createHash } from 'node:crypto'
import { existsSync, renameSync } from 'node:fs'
import { basename, join, resolve, sep } from 'node:path'
import { AppError } from '@shared/errors'
import { privateDir, writePrivateFile } from '../workspace/private'

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
