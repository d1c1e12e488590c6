import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { writePrivateFile } from '../../workspace/private'
import { ProviderError } from '../errors'

/** IANA's RDAP bootstrap for DNS (RFC 9224): services = [[labels], [base URLs]]. */
export interface Bootstrap {
  services: [string[], string[]][]
}

export const BOOTSTRAP_MAX_AGE_MS = 24 * 60 * 60 * 1000

/** Validate a bootstrap document's shape. */
export function parseBootstrap(json: unknown): Bootstrap {
  const services = (json as { services?: unknown })?.services
  const ok =
    Array.isArray(services) &&
    services.every((s) => Array.isArray(s) && s.length >= 2 && isStrings(s[0]) && isStrings(s[1]))
  if (!ok) throw new ProviderError('rdap', 'invalid_response', 'the RDAP bootstrap file is not in the IANA format (services: [[labels], [urls]])')
  return { services: services as [string[], string[]][] }
}

const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string')

/**
 * The RDAP base URL for a domain: the service whose label is the longest suffix of the domain
 * (RFC 9224 §4); https preferred over http. Undefined when no registry publishes RDAP for it.
 */
export function rdapBaseFor(boot: Bootstrap, domain: string): string | undefined {
  const name = domain.toLowerCase().replace(/\.$/, '')
  let best: { len: number; urls: string[] } | undefined
  for (const [labels, urls] of boot.services) {
    for (const label of labels) {
      const l = label.toLowerCase()
      if ((name === l || name.endsWith(`.${l}`)) && (!best || l.length > best.len)) best = { len: l.length, urls }
    }
  }
  if (!best || best.urls.length === 0) return undefined
  const url = best.urls.find((u) => u.startsWith('https:')) ?? best.urls[0]
  return url.endsWith('/') ? url : `${url}/`
}

interface CacheFile {
  url: string
  fetchedAt: string
  data: Bootstrap
}

function cachePath(dir: string, url: string): string {
  return join(dir, `rdap-bootstrap-${createHash('sha256').update(url).digest('hex').slice(0, 12)}.json`)
}

/** Read the cached bootstrap for this URL (and its age), or undefined. */
export function readCachedBootstrap(dir: string, url: string, now = Date.now()): { data: Bootstrap; ageMs: number } | undefined {
  try {
    const file = JSON.parse(readFileSync(cachePath(dir, url), 'utf8')) as CacheFile
    if (file.url !== url) return undefined
    return { data: parseBootstrap(file.data), ageMs: now - Date.parse(file.fetchedAt) }
  } catch {
    return undefined
  }
}

/** Write the bootstrap atomically (temp file + rename) so a killed process leaves no torn file. */
export function writeCachedBootstrap(dir: string, url: string, data: Bootstrap, now = Date.now()): void {
  mkdirSync(dir, { recursive: true })
  const path = cachePath(dir, url)
  const tmp = `${path}.${process.pid}.tmp`
  writePrivateFile(tmp, JSON.stringify({ url, fetchedAt: new Date(now).toISOString(), data } satisfies CacheFile))
  renameSync(tmp, path)
}
