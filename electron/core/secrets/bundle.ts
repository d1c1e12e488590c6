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
  maxScripts: number
  maxMaps: number
  maxBytes: number
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = { maxScripts: 30, maxMaps: 30, maxBytes: 5 * 1024 * 1024 }

export interface BundleScan {
  page: string
  findings: SecretFinding[]
  /** Every URL fetched, with its HTTP status (evidence). */
  fetched: { url: string; status: number; bytes: number; truncated: boolean }[]
  /** Script URLs skipped because they are on another site (we never fetch third parties). */
  skipped: string[]
  /** How many scripts and source maps were fetched and scanned. */
  scripts: number
  maps: number
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
 * Fetch the live page, its JS bundles and their source maps, and scan them all. Only URLs on
 * `allowed` hosts are fetched (the engagement's own hosts): third parties are listed, never fetched.
 */
export async function scanBundle(fetch: Getter, pageUrl: string, allowed: (url: string) => boolean, limits = DEFAULT_BUNDLE_LIMITS, signal?: AbortSignal): Promise<BundleScan> {
  const get = (u: string) => fetch(u, limits.maxBytes)
  const page = await get(pageUrl)
  const fetched: BundleScan['fetched'] = [{ url: page.url, status: page.status, bytes: page.body.length, truncated: page.truncated }]
  const findings = await scanText(page.body, page.url)
  const skipped: string[] = []
  const scripts = scriptUrls(page.body, page.url).filter((u) => (allowed(u) ? true : (skipped.push(u), false)))
  const maps: string[] = []
  let scanned = 0
  let mapsScanned = 0
  for (const u of scripts.slice(0, limits.maxScripts)) {
    if (signal?.aborted) break
    const s = await get(u).catch(() => undefined)
    if (!s) continue
    fetched.push({ url: s.url, status: s.status, bytes: s.body.length, truncated: s.truncated })
    if (s.status !== 200) continue
    scanned++
    findings.push(...(await scanText(s.body, s.url)))
    const map = sourceMapUrl(s.body, s.headers, s.url)
    if (map && allowed(map) && !maps.includes(map)) maps.push(map)
  }
  for (const u of maps.slice(0, limits.maxMaps)) {
    if (signal?.aborted) break
    const m = await get(u).catch(() => undefined)
    if (!m) continue
    fetched.push({ url: m.url, status: m.status, bytes: m.body.length, truncated: m.truncated })
    if (m.status !== 200) continue
    mapsScanned++
    findings.push(...(await scanText(m.body, m.url)))
  }
  return { page: page.url, findings, fetched, skipped, scripts: scanned, maps: mapsScanned }
}
