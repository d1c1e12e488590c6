const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

// Built once, on first use: an Intl formatter costs ~0.2–1 ms to build (locale data is resolved
// each time), and a list of 500 engagements formats a date per row (docs/performance.md, ui.first_render).
let relativeFormat: Intl.RelativeTimeFormat | undefined
let fullFormat: Intl.DateTimeFormat | undefined

/** "just now", "5 minutes ago", "yesterday"… for an ISO timestamp relative to `now`. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const diff = t - now
  if (Math.abs(diff) < 45_000) return 'just now'
  const rtf = (relativeFormat ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' }))
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms || unit === 'minute') return rtf.format(Math.round(diff / ms), unit)
  return ''
}

/** A full, unambiguous date and time for tooltips and detail pages. */
export function fullDate(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return (fullFormat ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })).format(t)
}

/** "1 host", "3 hosts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
