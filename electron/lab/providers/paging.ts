import type { ApiRequest } from './types'

/** Parse an integer query parameter, clamped; the default when absent or unreadable. */
export function intParam(raw: string | null, dflt: number, min: number, max: number): number {
  const n = raw === null ? dflt : Number.parseInt(raw, 10)
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : dflt
}

/**
 * Vercel-style cursor paging over items sorted newest first: `until` (ms) keeps items created
 * before it; `pagination.next` is the last item's timestamp when more remain, else null.
 */
export function cursorPage<T>(req: ApiRequest, items: T[], at: (t: T) => number, dflt = 20, max = 100): { page: T[]; pagination: { count: number; next: number | null; prev: number | null } } {
  const limit = intParam(req.query.get('limit'), dflt, 1, max)
  const until = req.query.get('until')
  const sorted = [...items].sort((a, b) => at(b) - at(a))
  const after = until ? sorted.filter((t) => at(t) < Number(until)) : sorted
  const page = after.slice(0, limit)
  const more = after.length > page.length
  return { page, pagination: { count: page.length, next: more ? at(page[page.length - 1]) : null, prev: page.length ? at(page[0]) : null } }
}

/**
 * Netlify-style paging: `page` and `per_page` query parameters, and an RFC 8288 Link header
 * with rel="next"/"last" (and "prev"/"first" past the first page).
 */
export function numberedPage<T>(req: ApiRequest, items: T[], dflt = 100, max = 100): { page: T[]; link: string } {
  const per = intParam(req.query.get('per_page'), dflt, 1, max)
  const page = intParam(req.query.get('page'), 1, 1, 100_000)
  const last = Math.max(1, Math.ceil(items.length / per))
  const url = (n: number) => {
    const q = new URLSearchParams(req.query)
    q.set('page', String(n))
    q.set('per_page', String(per))
    return `<${req.base}${req.path}?${q}>`
  }
  const rels: string[] = []
  if (page > 1) rels.push(`${url(1)}; rel="first"`, `${url(page - 1)}; rel="prev"`)
  if (page < last) rels.push(`${url(page + 1)}; rel="next"`)
  rels.push(`${url(last)}; rel="last"`)
  return { page: items.slice((page - 1) * per, page * per), link: rels.join(', ') }
}
