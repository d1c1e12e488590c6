/** A path that must never be served, with what its real content looks like. */
export interface Probe {
  path: string
  what: string
  /** True when the body is the real thing (not an HTML error or catch-all page). */
  matches(body: string): boolean
}

const notHtml = (b: string) => !/^\s*</.test(b)

/** Well-known leaks: secrets files, git internals, debug pages. */
export const PROBES: Probe[] = [
  { path: '/.env', what: 'environment file with secrets', matches: (b) => notHtml(b) && /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/m.test(b) },
  { path: '/.git/config', what: 'git repository config', matches: (b) => /^\s*\[core\]/m.test(b) },
  { path: '/.git/HEAD', what: 'git repository HEAD', matches: (b) => /^(ref: refs\/|[0-9a-f]{40}\s*$)/.test(b.trim()) },
  { path: '/phpinfo.php', what: 'PHP info page', matches: (b) => /phpinfo\(\)|PHP Version \d/.test(b) },
  { path: '/server-status', what: 'Apache server status', matches: (b) => /Apache Server Status/i.test(b) },
  { path: '/actuator/env', what: 'Spring actuator environment', matches: (b) => /"propertySources"/.test(b) },
  { path: '/debug', what: 'debug page', matches: (b) => /Werkzeug Debugger|Traceback \(most recent call last\)|DEBUG = True|Whoops! There was an error/.test(b) },
]

/** A JavaScript source map (bundles' original sources). */
export function isSourceMap(body: string): boolean {
  if (!notHtml(body)) return false
  try {
    const j = JSON.parse(body) as { version?: unknown; mappings?: unknown }
    return j.version === 3 && typeof j.mappings === 'string'
  } catch {
    return false
  }
}

/**
 * The variable NAMES an exposed environment file defines (never values): what must be rotated.
 * At most 50, each a plain identifier.
 */
export function envNames(body: string): string[] {
  const out = new Set<string>()
  for (const m of body.matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]{0,127})\s*=/gm)) {
    out.add(m[1])
    if (out.size >= 50) break
  }
  return [...out]
}
