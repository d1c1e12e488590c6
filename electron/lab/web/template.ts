/** What a redirect target template can use. */
export interface TemplateVars {
  scheme: string
  host: string
  domain: string
  path: string
  /** "?a=b" or "". */
  query: string
}

/**
 * Expand a redirect target: {scheme} {host} {domain} {path} {query} and {next} (the last path
 * segment as a number, plus one: `/hop/{next}` walks /hop/1, /hop/2, … for long chains).
 */
export function expandTarget(template: string, v: TemplateVars): string {
  const last = Number(/(\d+)\/?$/.exec(v.path)?.[1] ?? 0)
  return template.replace(/\{(scheme|host|domain|path|query|next)\}/g, (_m, k: string) => (k === 'next' ? String(last + 1) : v[k as keyof TemplateVars]))
}

const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }

/** Bytes for a size like "100MB" or a number. */
export function parseSize(size: number | string): number {
  if (typeof size === 'number') return size
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)$/i.exec(size.trim())
  return m ? Math.round(Number(m[1]) * UNITS[m[2].toUpperCase()]) : 0
}
