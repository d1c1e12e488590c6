import type { ItemStatus } from '@shared/schemas/sprint'
import type { Severity } from '@shared/schemas/template'
import type { SystemKind } from '@shared/contract/handover'

/** One check result behind an item, as the handover prints it. */
export interface Finding {
  checkId: string
  title: string
  target: string
  status: string
  summary: string
}

/** An item of the plan, in impact order, with what the founder needs to act on it. */
export interface ItemView {
  itemId: string
  title: string
  severity: Severity
  status: ItemStatus
  /** Position in the fix order (open items only). */
  rank: number | null
  why: string
  /** Who owns the risk: the item's owner, else the owner of its system in the inventory. */
  owner: string
  ownerFrom: 'item' | 'inventory' | 'none'
  system: SystemKind | null
  /** The item's checks that do not pass (fail, error, warn, skip), worst first. */
  findings: Finding[]
  /** How to fix it: the failing checks' own fixes, else the item's. */
  fixes: string[]
  note: string
  manual: boolean
  gateSummary: string
  waiver: { reason: string; acceptedBy: string; expiresAt: string } | null
}

/** A check × target that failed or errored earlier and passes now, with what was found before. */
export interface FixedView {
  checkId: string
  title: string
  target: string
  before: { status: string; summary: string; at: string }
  now: { summary: string; at: string }
}

/** The sprint's state at handover. */
export interface SprintView {
  startedAt: string
  endsAt: string
  finishedAt: string | null
  templateId: string
  state: 'finished' | 'running' | 'time-up'
  /** Time left on the 48-hour clock at handover (running only). */
  msLeft: number
}

/** The verdict the executive summary opens with. */
export interface Verdict {
  ready: boolean
  headline: string
  /** Open launch blockers (fail, blocked, to do, doing), in fix order. */
  launchBlockers: ItemView[]
}
