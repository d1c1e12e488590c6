import type { CheckInfo, CheckResultInfo } from '@shared/contract/checks'
import type { Engagement } from '@shared/schemas/engagement'
import type { Command } from './commands'
import type { Route } from './ui'
import { label } from './engagements'
import { ENGAGEMENT_SCREENS } from '../lib/screens'
import { hashOfRoute } from './routes'
import { hashWithFilters } from './evidenceUrl'
import { noFilters } from './evidence'

/** What the palette searches besides commands: screens, engagements, hosts, checks and results. */
export interface PaletteData {
  engagements: Engagement[]
  /** The engagement checks and results refer to: the one on screen, else the most recent. */
  contextId: string | null
  checks: CheckInfo[] | null
  results: CheckResultInfo[] | null
}

export type PaletteGroup = 'Screen' | 'Engagement' | 'Host' | 'Check' | 'Result'

export interface PaletteEntry extends Command {
  group: PaletteGroup
  /** A route, or an address with filters (the evidence screen filtered by check or host). */
  to: Route | string
}

const MAX_ENGAGEMENTS = 20
const STATUS_ORDER: Record<string, number> = { fail: 0, error: 1, warn: 2, skip: 3, pass: 4 }

/** The evidence screen of an engagement, filtered. */
function evidenceFor(id: string, f: Partial<typeof noFilters>): string {
  return hashWithFilters(hashOfRoute({ name: 'evidence', id }), { ...noFilters, ...f })
}

/**
 * Everything the palette can jump to, in the order shown for an empty query: screens of the
 * engagement in context, engagements, hosts, the context's results worst first, then checks.
 */
export function paletteEntries(d: PaletteData): PaletteEntry[] {
  const out: PaletteEntry[] = [
    { id: 'go:engagements', group: 'Screen', title: 'Engagements', keywords: 'home list clients', to: { name: 'engagements' } },
    { id: 'go:settings', group: 'Screen', title: 'Settings', keywords: 'preferences identity network theme', to: { name: 'settings' } },
  ]
  const list = d.engagements.slice(0, MAX_ENGAGEMENTS)
  const ctx = d.engagements.find((e) => e.id === d.contextId)
  // an engagement's screens: the one in context first, the others findable by their name
  for (const e of ctx ? [ctx, ...list.filter((x) => x !== ctx)] : list)
    for (const [name, text] of ENGAGEMENT_SCREENS)
      out.push({ id: `go:${e.id}:${name}`, group: 'Screen', title: text, hint: label(e), keywords: `${name} ${e.domain}`, to: { name, id: e.id } })
  for (const e of list) out.push({ id: `eng:${e.id}`, group: 'Engagement', title: label(e), hint: e.domain, keywords: `${e.domain} ${e.founderName} open engagement`, to: { name: 'engagement', id: e.id } })
  for (const e of list)
    for (const h of e.hosts)
      out.push({ id: `host:${e.id}:${h.name}`, group: 'Host', title: h.name, hint: label(e), keywords: `${h.role} host evidence`, to: evidenceFor(e.id, { target: h.name }) })
  if (ctx && d.results) {
    const worst = [...d.results].sort((a, b) => (STATUS_ORDER[a.status] ?? 5) - (STATUS_ORDER[b.status] ?? 5) || a.checkId.localeCompare(b.checkId))
    for (const r of worst)
      out.push({ id: `result:${r.id}`, group: 'Result', title: `${r.checkId} on ${r.target}`, hint: r.status, keywords: `result ${r.summary}`, to: { name: 'result', id: ctx.id, resultId: r.id } })
  }
  if (ctx && d.checks)
    for (const c of d.checks) out.push({ id: `check:${c.id}`, group: 'Check', title: c.title, hint: c.id, keywords: `check ${c.area} ${c.id}`, to: evidenceFor(ctx.id, { checkId: c.id }) })
  return out
}
