import type { ResultRow } from '../results'
import { num, objects, str } from './read'

/** One entry URL and every hop it takes: each URL with the status it answered. */
export interface RedirectEntry {
  entry: string
  hops: { url: string; status: number | null }[]
  /** Where the chain did not end in a page: an error, a loop, too many hops, no plain HTTP. */
  note: string
}

/** The probe path http.canonical sends (to see path and query kept) shown as "/" to a reader. */
const PROBE = /\/handover-probe\/page\?utm_source=handover$/

const tidy = (u: string) => u.replace(PROBE, '/')

/**
 * The redirect map: every entry URL once (apex and www over http and https from
 * http.canonical, http:// of every declared host from http.https), each hop by hop.
 */
export function redirectMap(latest: readonly ResultRow[]): RedirectEntry[] {
  const out = new Map<string, RedirectEntry>()
  for (const r of latest.filter((x) => x.checkId === 'http.canonical')) {
    for (const e of objects(r.details.entries)) {
      const entry = tidy(str(e.entry))
      if (!entry || out.has(entry)) continue
      const hops = objects(e.chain).map((h) => ({ url: tidy(str(h.url)), status: num(h.status) }))
      const note = e.loop ? 'redirects in a loop' : e.tooManyHops ? 'never stops redirecting' : str(e.error)
      out.set(entry, { entry, hops, note })
    }
  }
  for (const r of latest.filter((x) => x.checkId === 'http.https')) {
    const entry = `http://${r.target}/`
    if (out.has(entry)) continue
    const hops = objects(r.details.chain).map((h) => ({ url: str(h.url), status: num(h.status) }))
    const note = hops.length ? str(r.details.chainError) : r.summary
    out.set(entry, { entry, hops, note })
  }
  return [...out.values()]
}
