import { createHash } from 'node:crypto'
import { scanText } from './scanner'
import type { SecretFinding } from './types'

/** A fetched resource (after redirects), body decoded as text and capped. */
export interface Fetched {
  url: string
  status: number
  headers: Record<string, string>
  body: string
  truncated: boolean
}

/** How the scan fetches: the run's HTTP client in checks, anything equivalent in tests. Throws when unreachable. */
export type Getter = (url: string, maxBytes: number) => Promise<Fetched>

export interface BundleLimits {
  /** Scripts and source maps fetched at most, over all pages. */
  maxScripts: number
  maxMaps: number
  /** Bytes read of one file at most. */
  maxBytes: number
  /** Bytes read over all pages, scripts and maps: the scan's stated budget. */
  totalBytes: number
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = { maxScripts: 60, maxMaps: 60, maxBytes: 5 * 1024 * 1024, totalBytes: 40 * 1024 * 1024 }

export interface BundleScan {
  /** The first page after redirects (the canonical site). */
  page: string
  /** Every page asked for: where it ended up, or why it could not be read. */
  pages: { url: string; final?: string; status?: number; error?: string }[]
  findings: SecretFinding[]
  /** Every URL fetched, with its HTTP status (evidence). */
  fetched: { url: string; status: number; bytes: number; truncated: boolean }[]
  /** Script URLs skipped because they are on another site (we never fetch third parties). */
  skipped: string[]
  /** How many distinct scripts and source maps were scanned (the same bytes on two hosts count once). */
  scripts: number
  maps: number
  /** Bytes read, the budget, and what the budget or the file limits left unread. */
  bytes: number
  budget: number
  unread: string[]
}

/** Script and module-preload URLs referenced by an HTML page. */
export function scriptUrls(html: string, base: string): string[] {
  const out = new Set<string>()
  const res = [/<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi, /<link\b[^>]*?\brel\s*=\s*["']?(?:modulepreload|preload)[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)/gi]
  for (const re of res) {
    for (let m = re.exec(html); m; m = re.exec(html)) {
      try {
        const u = new URL(m[1].replace(/&amp;/g, '&'), base)
        if (u.protocol === 'http:' || u.protocol === 'https:') out.add(u.toString())
      } catch {
        // not a URL
      }
    }
  }
  return [...out]
}

/** The source map a script points at (SourceMap header or a sourceMappingURL comment). */
export function sourceMapUrl(js: string, headers: Record<string, string>, base: string): string | undefined {
  const ref = headers['sourcemap'] || headers['x-sourcemap'] || /\/\/[#@]\s*sourceMappingURL=([^\s'"]+)\s*$/m.exec(js.slice(-2000))?.[1]
  if (!ref || ref.startsWith('data:')) return undefined
  try {
    return new URL(ref, base).toString()
  } catch {
    return undefined
  }
}

/** A host filter from a list of host names (the engagement's domain and declared hosts). */
export function hostAllowList(hosts: string[]): (url: string) => boolean {
  const set = new Set(hosts.map((h) => h.toLowerCase().replace(/\.$/, '')))
  return (url) => set.has(new URL(url).hostname.toLowerCase())
}

/**
 * Fetch the live pages (the canonical site first, then every declared web, app and admin host),
 * their JS bundles and the bundles' source maps, and scan them all. Only URLs on `allowed` hosts
 * are fetched (the engagement's own hosts): third parties are listed, never fetched. A script
 * referenced by several pages is fetched once, and identical bytes under two URLs are scanned
 * once. Bounded by file counts and a total byte budget; whatever they leave unread is listed.
 * Throws only when the first page cannot be fetched.
 */
export async function scanBundle(fetch: Getter, pageUrls: string[], allowed: (url: string) => boolean, limits = DEFAULT_BUNDLE_LIMITS, signal?: AbortSignal): Promise<BundleScan> {
  const scan: BundleScan = { page: pageUrls[0], pages: [], findings: [], fetched: [], skipped: [], scripts: 0, maps: 0, bytes: 0, budget: limits.totalBytes, unread: [] }
  const seenBodies = new Set<string>()
  /** Fetch within the budget; scan new bytes; undefined when unread, failed or not 200. */
  const read = async (u: string): Promise<Fetched | undefined> => {
    const room = Math.min(limits.maxBytes, scan.budget - scan.bytes)
    if (room <= 0 || signal?.aborted) return void scan.unread.push(u)
    const f = await fetch(u, room).catch(() => undefined)
    if (!f) return undefined
    scan.bytes += f.body.length
    scan.fetched.push({ url: f.url, status: f.status, bytes: f.body.length, truncated: f.truncated })
    if (f.truncated) scan.unread.push(`${f.url} (beyond ${room} bytes)`)
    if (f.status !== 200) return undefined
    const digest = createHash('sha256').update(f.body).digest('hex')
    if (seenBodies.has(digest)) return undefined
    seenBodies.add(digest)
    scan.findings.push(...(await scanText(f.body, f.url)))
    return f
  }
  const scripts: string[] = []
  for (const [i, pageUrl] of pageUrls.entries()) {
    let page: Fetched
    try {
      page = await fetch(pageUrl, Math.min(limits.maxBytes, scan.budget - scan.bytes))
    } catch (e) {
      if (i === 0) throw e
      scan.pages.push({ url: pageUrl, error: (e as Error).message })
      continue
    }
    if (i === 0) scan.page = page.url
    scan.pages.push({ url: pageUrl, final: page.url, status: page.status })
    scan.bytes += page.body.length
    scan.fetched.push({ url: page.url, status: page.status, bytes: page.body.length, truncated: page.truncated })
    const digest = createHash('sha256').update(page.body).digest('hex')
    if (seenBodies.has(digest)) continue
    seenBodies.add(digest)
    scan.findings.push(...(await scanText(page.body, page.url)))
    for (const u of scriptUrls(page.body, page.url)) {
      if (scripts.includes(u) || scan.skipped.includes(u)) continue
      if (allowed(u)) scripts.push(u)
      else scan.skipped.push(u)
    }
  }
  const maps: string[] = []
  for (const [i, u] of scripts.entries()) {
    if (i >= limits.maxScripts) {
      scan.unread.push(u)
      continue
    }
    const s = await read(u)
    if (!s) continue
    scan.scripts++
    const map = sourceMapUrl(s.body, s.headers, s.url)
    if (map && allowed(map) && !maps.includes(map)) maps.push(map)
  }
  for (const [i, u] of maps.entries()) {
    if (i >= limits.maxMaps) {
      scan.unread.push(u)
      continue
    }
    if (await read(u)) scan.maps++
  }
  return scan
}
