import { resolve, sep } from 'node:path'
import { AppError } from '@shared/errors'

/**
 * A file or folder name derived from data (a domain, a client name): lowercase letters, digits,
 * dots and hyphens only, never starting with a dot or hyphen, never "..", at most 80 characters.
 * Whatever the data holds ("../../tmp/x", "/etc", "a\\b"), the result is one plain name.
 */
export function safeSlug(text: string, fallback = 'engagement'): string {
  const s = String(text)
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80)
    .replace(/[.-]+$/, '')
  return s || fallback
}

/** `root/name` for a name that must stay directly under `root`; refuses anything that would not. */
export function confinedPath(root: string, name: string): string {
  const base = resolve(root)
  const p = resolve(base, name)
  if (!p.startsWith(base + sep) || p.slice(base.length + 1).includes(sep)) throw new AppError('invalid_input', `"${name}" is not a plain name inside ${base}`)
  return p
}
