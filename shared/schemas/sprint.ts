import type { Engagement } from './engagement'
import type { Severity, TemplateItem, Thresholds } from './template'

/**
 * (contract) Statuses of a sprint item. `attention`: its checks pass but at least one warns
 * (DESIGN.md §3, "passes with warnings"): never shown or counted as a pass.
 */
export type ItemStatus = 'todo' | 'doing' | 'pass' | 'attention' | 'fail' | 'waived' | 'blocked'

/** Every item status, in the order a person reads them. */
export const ITEM_STATUSES: readonly ItemStatus[] = ['fail', 'blocked', 'attention', 'doing', 'todo', 'pass', 'waived']

/** What an item's status says in words, for the board, the CLI and the PDF. */
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  todo: 'To do',
  doing: 'Doing',
  pass: 'Pass',
  attention: 'Attention',
  fail: 'Fail',
  waived: 'Waived',
  blocked: 'Blocked',
}

export interface ResultLite {
  checkId: string
  target: string
  status: 'pass' | 'warn' | 'fail' | 'error' | 'skip'
  summary: string
  runId: string
  at: string
  resultId?: number
}

export interface ItemState {
  status: ItemStatus | null
  owner: string
  notes: string
  fixOrder: number | null
  riskNote: string
  updatedAt: string
}

export interface Waiver {
  id: number
  itemId: string
  reason: string
  acceptedBy: string
  expiresAt: string
  createdAt: string
  revokedAt: string | null
}

/** A template item after the engagement's stage and vertical variants. */
export interface ResolvedItem extends TemplateItem {
  block: string
  /** Severity after the stage and vertical variants. */
  severity: Severity
  /** How many variants emphasised it (+) or played it down (−). */
  emphasis: number
}

export interface PlanItem extends Omit<ResolvedItem, 'checks'> {
  checks: string[]
  /** Decided by a person (no checks and no gate). */
  manual: boolean
  /** For a gate item: what the gate found (e.g. which systems have no owner); '' otherwise. */
  gateSummary: string
  status: ItemStatus
  /** Where the status came from: the latest check results, a person, or a waiver. */
  source: 'checks' | 'person' | 'waiver' | 'none'
  results: ResultLite[]
  warnings: number
  owner: string
  notes: string
  fixOrder: number | null
  riskNote: string
  waiver: Waiver | null
  /** A waiver that ran out: the item is open again. */
  waiverExpired: boolean
}


/** One half-day block of the 48-hour clock. */
export interface BlockClock {
  id: string
  title: string
  startsAt: string
  endsAt: string
  msLeft: number
  state: 'done' | 'current' | 'upcoming'
}

/** An open risk, in fix order. */
export interface Risk {
  itemId: string
  title: string
  severity: Severity
  status: ItemStatus
  block: string
  score: number
  why: string
  fix: string
  note: string
  /** Position in the fix order, 1-based. */
  rank: number
}

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
