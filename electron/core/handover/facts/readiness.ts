import type { HandoverReadiness, InventoryEntry } from '@shared/contract/handover'
import { verdictOf } from '@shared/verdict'
import type { Workspace } from '../../workspace'
import { latestResults } from '../results'
import { handoverPlan, itemViews } from './plan'

/**
 * What the handover screen says before building: the verdict the PDF would open with if built
 * now (the same plan, items and verdict function as gatherHandover), and what is behind it.
 */
export function handoverReadiness(ws: Workspace, engagementId: string, inventory: readonly InventoryEntry[], now = new Date()): HandoverReadiness {
  const engagement = ws.engagements.get(engagementId)
  const plan = handoverPlan(ws, engagement, now)
  const v = verdictOf(itemViews(plan.items, plan.risks, latestResults(ws.db, engagement.id), inventory))
  return {
    ready: v.ready,
    headline: v.headline,
    launchBlockers: v.launchBlockers.map((i) => ({ itemId: i.itemId, title: i.title })),
    attention: v.attention.length,
    waived: v.waived.length,
    sprint: plan.sprint?.state ?? 'none',
  }
}
