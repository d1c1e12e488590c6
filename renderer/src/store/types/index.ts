import type { CheckInfo, CheckResultInfo } from '@shared/contract/checks'
import type { StoreApi } from 'zustand/vanilla'
import type { AppInfo } from '@shared/contract'
import type { ErrorInfo } from '@shared/errors'
import type { ConnectionStatus } from '../../transport/types'
import type * as eng from '../engagements'
import type { EngagementDraft } from '../form'
import type { Toast } from '../toasts'
import type { RunActivity } from '../activity'
import type { AppEvent } from '@shared/events'
import type { Route, UiState } from '../ui'
import type { EvidenceActions, EvidenceState } from './evidence'
import type { ExposureActions, ExposuresState } from './exposures'
import type { HandoverActions, HandoverState } from './handover'
import type { IdentityActions, IdentityState } from './identity'
import type { InventoryActions, InventoryState } from './inventory'
import type { ResultActions, ResultState } from './results'
import type { RunbookActions, RunbooksState } from './runbooks'
import type { SettingsActions, SettingsState } from './settings'
import type { SprintActions, SprintSliceState } from './sprint'
import type { SummariesState, SummaryActions } from './summaries'
import type { ProbeActions, ProbesState } from './probes'
import type { PortfolioActions, PortfolioState } from './portfolio'
import type { QueueActions, QueueState } from './queue'
import type { TransferActions } from './transfer'
import type { VaultActions, VaultState } from './vault'

/**
 * The store's shape, apart from its implementation: every slice (../evidence.ts, ../vault.ts …)
 * imports the whole-store type from here, and ../index.ts composes the slices. Nothing in this
 * folder imports a slice, so the store's modules form no import cycle.
 */
export interface AppState extends SprintSliceState {
  info: AppInfo | null
  /** The first load finished (successfully or not): the e2e app-ready marker follows this. */
  ready: boolean
  /** A failure that leaves nothing to show (e.g. appInfo unreachable). */
  fatal: ErrorInfo | null
  connection: ConnectionStatus
  engagements: eng.EngagementsState
  ui: UiState
  toasts: Toast[]
  evidence: EvidenceState
  result: ResultState
  runbooks: RunbooksState
  vault: VaultState
  handover: HandoverState
  inventory: InventoryState
  exposures: ExposuresState
  settings: SettingsState
  identity: IdentityState
  summaries: SummariesState
  probes: ProbesState
  portfolio: PortfolioState
  /** The offline queue: runs whose network checks wait for a sound network. */
  queue: QueueState
  /** Every run in the workspace, from events: the global indicator and end-of-run notices. */
  activity: RunActivity[]
}

export interface AppActions
  extends SprintActions, TransferActions, EvidenceActions, ResultActions, RunbookActions, VaultActions, HandoverActions, InventoryActions, ExposureActions, SettingsActions, IdentityActions, SummaryActions, ProbeActions, PortfolioActions, QueueActions {
  init(): Promise<void>
  refreshEngagements(): Promise<void>
  navigate(route: Route): void
  setFilter(q: string): void
  openCreate(): void
  openEdit(id: string): void
  closeForm(): void
  /** Create or save; a new engagement may start its sprint at once from a template. */
  saveEngagement(draft: EngagementDraft, o?: { startSprintWith?: string }): Promise<boolean>
  askRemove(id: string): void
  cancelConfirm(): void
  confirmRemove(): Promise<void>
  /** Undo a delete while its window is open: the engagement comes back as it was. */
  undoRemove(id: string, title: string): Promise<void>
  setPalette(open: boolean): void
  /** What the palette searches for an engagement: the check catalog and its latest results (either may be null when it could not load). */
  loadPaletteData(engagementId: string | null): Promise<{ checks: CheckInfo[] | null; results: CheckResultInfo[] | null }>
  /** Show or hide the `?` keyboard shortcut sheet. */
  setShortcutSheet(open: boolean): void
  setConnection(s: ConnectionStatus): void
  toast(t: Omit<Toast, 'id'>): void
  dismissToast(id: number): void
  engagementRemovedElsewhere(id: string): void
  /** A run or check event: fold it into the run activity. */
  activityEvent(e: AppEvent): void
  /** Forget a finished run's notice. */
  dismissActivity(runId: string): void
}

export type AppStore = StoreApi<AppState & AppActions>

/** What a slice's actions receive: the whole store's setState and getState. */
export type SliceApi = StoreApi<AppState & AppActions>
