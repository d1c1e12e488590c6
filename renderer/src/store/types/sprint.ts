import type { ErrorInfo } from '@shared/errors'
import type { AppEvent } from '@shared/events'
import type { z } from 'zod'
import type { AttachmentContent, AttachmentInfo, verdictSchema, waiverSchema } from '@shared/contract/sprint'
import type { LiveRun } from '../runs'
import type * as sp from '../sprint'

/** What the board may change on an item. */
export type ItemPatch = { owner?: string; notes?: string; fixOrder?: number | null; riskNote?: string }

export interface SprintSliceState {
  sprint: sp.SprintState
  run: LiveRun | null
}

export interface SprintActions {
  openSprint(engagementId: string): Promise<void>
  /** Start the 48-hour sprint from a template (default: the first, launch-ready). */
  startSprint(templateId?: string): Promise<void>
  /** The sprint templates to choose from (resources/templates). */
  listTemplates(): Promise<{ id: string; title: string }[]>
  /** End the sprint: the clock stops and the evidence says when; true when it finished. */
  finishSprint(): Promise<boolean>
  runSprint(scope: { itemId?: string; stage?: string; failed?: boolean }): Promise<void>
  cancelRun(): Promise<void>
  updateItem(itemId: string, patch: ItemPatch): Promise<boolean>
  moveRisk(itemId: string, delta: number): Promise<void>
  focusItem(id: string | null): void
  openItem(id: string | null): void
  askWaive(id: string | null): void
  /** Accept a risk; the refusal (its issues placed on the form's fields), or null when waived. */
  waive(input: Omit<z.input<typeof waiverSchema>, 'engagementId'>): Promise<ErrorInfo | null>
  revokeWaiver(itemId: string): Promise<void>
  /** Record a manual item's verdict; the refusal to show in the sheet, or null when recorded. */
  recordVerdict(input: Omit<z.input<typeof verdictSchema>, 'engagementId'>): Promise<ErrorInfo | null>
  loadAttachments(itemId: string): Promise<void>
  /** An item's attachments in one engagement (default: the board's), for the evidence screen; null (the reason shown) when they cannot be listed. */
  attachmentsOf(itemId: string, engagementId?: string): Promise<AttachmentInfo[] | null>
  /** One attachment's bytes to preview or download (default engagement: the board's); null (with the reason shown) when it cannot be read. */
  readAttachment(id: number, engagementId?: string): Promise<AttachmentContent | null>
  sprintEvent(e: AppEvent): void
}
