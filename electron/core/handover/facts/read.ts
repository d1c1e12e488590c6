/** Small readers for check details, which arrive from storage as untyped JSON. */
export type Obj = Record<string, unknown>

export const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x)) : [])
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
export const str = (v: unknown): string => (typeof v === 'string' ? v : '')
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** Whole days from `now` until an ISO date (negative once past), or null for no date. */
export function daysUntil(iso: string, now: Date): number | null {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : Math.floor((t - now.getTime()) / 86_400_000)
}

/** How providers are written for people ("uptimerobot" → "UptimeRobot"). */
const PROVIDER_NAMES: Record<string, string> = { uptimerobot: 'UptimeRobot', betterstack: 'Better Stack', vercel: 'Vercel', netlify: 'Netlify' }

export const providerName = (id: string): string => PROVIDER_NAMES[id.toLowerCase()] ?? id
