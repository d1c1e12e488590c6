/** A credential's rotation date (or expiry) within this many days counts as "due soon". */
export const ROTATION_SOON_DAYS = 14

export type RotationState = 'overdue' | 'soon'

const DAY = 86_400_000

/**
 * How often each provider's credential should be rotated when nobody says otherwise (days):
 * keys that can move money, code or infrastructure every 90 days, registrar and monitoring
 * keys twice a year. Editable per credential.
 */
export const DEFAULT_ROTATION_DAYS: Record<string, number> = {
  cloudflare: 90,
  'registrar-porkbun': 180,
  'registrar-namecheap': 180,
  'registrar-godaddy': 180,
  'registrar-gandi': 180,
  'registrar-other': 180,
  vercel: 90,
  netlify: 90,
  uptimerobot: 180,
  betterstack: 180,
  github: 90,
  stripe: 90,
  aws: 90,
  supabase: 90,
  other: 90,
}

/** The default rotation period of a provider's credentials, in days. */
export function defaultRotationDays(provider: string): number {
  return DEFAULT_ROTATION_DAYS[provider] ?? 90
}

/** `from` plus `days`, as a date (YYYY-MM-DD). */
export function addDays(from: string | number | Date, days: number): string {
  return new Date(new Date(from).getTime() + days * DAY).toISOString().slice(0, 10)
}

type Dated = { rotationDue: string | null; expiresAt?: string | null }

/** The end of a date-only value's day (a rotation due "2026-03-01" is due through that day). */
function endOf(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999Z`) : Date.parse(date)
}

/**
 * Whether a credential's rotation date has passed or its token expired ('overdue'), or either
 * comes within ROTATION_SOON_DAYS ('soon'); null when neither is near or readable. The CLI, the
 * vault screen, the engagement list and the inventory all use this one rule.
 */
export function rotationState(c: Dated, now = Date.now()): RotationState | null {
  const dates = [c.rotationDue, c.expiresAt ?? null].filter((d): d is string => !!d).map(endOf).filter((t) => !Number.isNaN(t))
  if (!dates.length) return null
  const first = Math.min(...dates)
  if (first < now) return 'overdue'
  return first - now < ROTATION_SOON_DAYS * DAY ? 'soon' : null
}

/**
 * The rotation in words: "overdue since 2026-01-03", "due 2026-02-01, in 9 days",
 * "token expires 2026-02-01, in 3 days", "token expired 2026-01-01"; the nearer of the rotation
 * date and the token's expiry speaks. Empty when there is no date.
 */
export function rotationNote(c: Dated, now = Date.now()): string {
  const due = c.rotationDue && !Number.isNaN(endOf(c.rotationDue)) ? { t: endOf(c.rotationDue), d: c.rotationDue.slice(0, 10), what: 'rotation' } : null
  const exp = c.expiresAt && !Number.isNaN(endOf(c.expiresAt)) ? { t: endOf(c.expiresAt), d: c.expiresAt.slice(0, 10), what: 'expiry' } : null
  const pick = [due, exp].filter((x): x is NonNullable<typeof x> => !!x).sort((a, b) => a.t - b.t)[0]
  if (!pick) return ''
  const days = Math.floor((pick.t - now) / DAY)
  if (pick.what === 'expiry') return pick.t < now ? `token expired ${pick.d}` : `token expires ${pick.d}, in ${days} day${days === 1 ? '' : 's'}`
  if (pick.t < now) return `overdue since ${pick.d}`
  return `due ${pick.d}, in ${days} day${days === 1 ? '' : 's'}`
}
