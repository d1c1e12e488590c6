import { noFilters, type EvidenceFilters } from './evidence'

/** Each filter's name in the address: `#/engagements/<id>/evidence&q=cert&check=http&status=fail`. */
const KEYS: [keyof EvidenceFilters, string][] = [
  ['q', 'q'],
  ['checkId', 'check'],
  ['target', 'host'],
  ['status', 'status'],
  ['kind', 'kind'],
  ['from', 'from'],
  ['to', 'to'],
]
const STATUSES = new Set(['', 'pass', 'warn', 'fail', 'error', 'skip'])

/** The evidence filters an address carries after its `&` (none: no filters). Unknown values are dropped. */
export function filtersFromHash(hash: string): EvidenceFilters {
  const i = hash.indexOf('&')
  const p = new URLSearchParams(i === -1 ? '' : hash.slice(i + 1))
  const f: EvidenceFilters = { ...noFilters }
  for (const [key, name] of KEYS) {
    const v = (p.get(name) ?? '').slice(0, 300)
    if (key === 'status') f.status = (STATUSES.has(v) ? v : '') as EvidenceFilters['status']
    else f[key] = v
  }
  return f
}

/** The address with these filters after its route (and without an `&` part when none is set). */
export function hashWithFilters(hash: string, f: EvidenceFilters): string {
  const base = hash.split('&')[0]!
  const p = new URLSearchParams()
  for (const [key, name] of KEYS) if (f[key].trim()) p.set(name, f[key].trim())
  const q = p.toString()
  return q ? `${base}&${q}` : base
}

/** Whether two sets of filters make the same address (so the same list): blanks and padding aside. */
export function sameFilters(a: EvidenceFilters, b: EvidenceFilters): boolean {
  return hashWithFilters('', a) === hashWithFilters('', b)
}
