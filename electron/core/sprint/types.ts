import type { Engagement } from '@shared/schemas/engagement'
import type { BlockClock, PlanItem, Risk } from './plan'
import type { Thresholds } from './template-schema'

export interface SprintRow {
  id: string
  engagementId: string
  templateId: string
  startedAt: string
  endsAt: string
  finishedAt: string | null
}

/** Everything the plan screen and `sprint status` show. */
export interface SprintStatus {
  sprint: SprintRow
  engagement: Engagement
  template: { id: string; title: string; notes: string[] }
  thresholds: Thresholds
  msLeft: number
  blocks: BlockClock[]
  stages: { id: string; title: string; done: number; total: number }[]
  items: PlanItem[]
  risks: Risk[]
}
