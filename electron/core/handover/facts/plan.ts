import type { InventoryEntry } from '@shared/contract/handover'
import type { Engagement } from '@shared/schemas/engagement'
import type { PlanItem, Risk } from '@shared/schemas/sprint'
import { getCheck } from '../../checks/registry'
import { readGates } from '../../sprint/gates'
import { planItems, rankRisks } from '../../sprint/plan'
import { SprintService } from '../../sprint/service'
import { DEFAULT_TEMPLATE, loadTemplate, resolveTemplate } from '../../sprint/templates'
import type { Workspace } from '../../workspace'
import type { ResultRow } from '../results'
import type { Finding, ItemView, SprintView } from './types'

const WORST: Record<string, number> = { fail: 0, error: 1, warn: 2, skip: 3, pass: 4 }
/** Items in impact order: open risks as ranked, then passing items, then accepted (waived) ones. */
const SETTLED: Record<string, number> = { pass: 0, waived: 1 }

/** The plan (items and ranked risks) and the sprint's state; without a sprint, the default template against the results. */
export function handoverPlan(ws: Workspace, e: Engagement, now: Date): { items: PlanItem[]; risks: Risk[]; sprint: SprintView | null } {
  const svc = new SprintService(ws)
  const row = svc.current(e.id)
  if (row) {
    const s = svc.status(e.id, now)
    const state = row.finishedAt ? 'finished' : s.msLeft > 0 ? 'running' : 'time-up'
    return { items: s.items, risks: s.risks, sprint: { startedAt: row.startedAt, endsAt: row.endsAt, finishedAt: row.finishedAt, templateId: row.templateId, state, msLeft: s.msLeft } }
  }
  const resolved = resolveTemplate(loadTemplate(DEFAULT_TEMPLATE), e)
  const results = ws.db
    .prepare<[string], { checkId: string; target: string; status: 'pass' | 'warn' | 'fail' | 'error' | 'skip'; summary: string; runId: string; at: string }>(
      `SELECT check_id AS checkId, target, status, summary, run_id AS runId, finished_at AS at FROM check_results r
       WHERE id IN (SELECT MAX(id) FROM check_results WHERE engagement_id = ? GROUP BY check_id, target)`,
    )
    .all(e.id)
  const items = planItems(resolved, results, new Map(), [], now, readGates(ws.db, e.id).get(e.id))
  return { items, risks: rankRisks(items), sprint: null }
}

/** The item views in impact order, with findings, fixes and owners (the inventory's owner of the item's system when the item names nobody). */
export function itemViews(items: readonly PlanItem[], risks: readonly Risk[], latest: readonly ResultRow[], inventory: readonly InventoryEntry[]): ItemView[] {
  const rank = new Map(risks.map((r) => [r.itemId, r.rank]))
  const owners = new Map<string, string>()
  for (const i of inventory) if (i.ownerAccount && !owners.has(i.system)) owners.set(i.system, i.ownerAccount)
  const views = items.map((it): ItemView => {
    const mine = latest.filter((r) => it.checks.includes(r.checkId))
    const findings: Finding[] = mine
      .filter((r) => r.status !== 'pass')
      .sort((a, b) => (WORST[a.status] ?? 5) - (WORST[b.status] ?? 5))
      .map((r) => ({ checkId: r.checkId, title: getCheck(r.checkId)?.meta.title ?? r.checkId, target: r.target, status: r.status, summary: r.summary }))
    const checkFixes = [...new Set(findings.filter((f) => f.status !== 'skip').map((f) => getCheck(f.checkId)?.meta.fix ?? '').filter(Boolean))]
    const inv = it.system ? owners.get(it.system) : undefined
    return {
      itemId: it.id,
      title: it.title,
      severity: it.severity,
      status: it.status,
      rank: rank.get(it.id) ?? null,
      why: it.why,
      owner: it.owner || inv || '',
      ownerFrom: it.owner ? 'item' : inv ? 'inventory' : 'none',
      system: it.system ?? null,
      findings,
      fixes: checkFixes.length ? checkFixes : [it.fix],
      note: it.riskNote,
      manual: it.manual,
      gateSummary: it.gateSummary,
      waiver: it.waiver ? { reason: it.waiver.reason, acceptedBy: it.waiver.acceptedBy, expiresAt: it.waiver.expiresAt } : null,
    }
  })
  const order = (v: ItemView) => (v.rank !== null ? v.rank : 10_000 + (SETTLED[v.status] ?? 2) * 1000)
  return views.sort((a, b) => order(a) - order(b))
}
