import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AppInfo } from '@shared/contract'
import type { ErrorInfo } from '@shared/errors'
import type { Engagement } from '@shared/schemas/engagement'
import { toErrorInfo, type ConnectionStatus, type Transport } from '../transport/types'
import * as eng from './engagements'
import { sprintActions, type SprintActions, type SprintSliceState } from './sprintActions'
import { transferActions, type TransferActions } from './transfer'
import { evidenceActions, initialEvidence, type EvidenceActions, type EvidenceState } from './evidence'
import { initialResult, resultActions, type ResultActions, type ResultState } from './results'
import { initialRunbooks, runbookActions, type RunbookActions, type RunbooksState } from './runbooks'
import { initialVault, vaultActions, type VaultActions, type VaultState } from './vault'
import { handoverActions, initialHandover, type HandoverActions, type HandoverState } from './handover'
import { initialInventory, inventoryActions, type InventoryActions, type InventoryState } from './inventory'
import { exposureActions, initialExposures, type ExposureActions, type ExposuresState } from './exposures'
import { draftToInput, errorsFromIssues, type EngagementDraft } from './form'
import { initialSettings, settingsActions, type SettingsActions, type SettingsState } from './settings'
import { initialPortfolio, portfolioActions, type PortfolioActions, type PortfolioState } from './portfolio'
import { initialSummaries, summaryActions, type SummariesState, type SummaryActions } from './summaries'
import { dismissToast, pushToast, type Toast } from './toasts'
import { forgetEngagement, formFailed, initialUi, type Route, type UiState } from './ui'

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
  summaries: SummariesState
  portfolio: PortfolioState
}

export interface AppActions
  extends SprintActions, TransferActions, EvidenceActions, ResultActions, RunbookActions, VaultActions, HandoverActions, InventoryActions, ExposureActions, SettingsActions, SummaryActions, PortfolioActions {
  init(): Promise<void>
  refreshEngagements(): Promise<void>
  navigate(route: Route): void
  setFilter(q: string): void
  openCreate(): void
  openEdit(id: string): void
  closeForm(): void
  saveEngagement(draft: EngagementDraft): Promise<boolean>
  askRemove(id: string): void
  cancelConfirm(): void
  confirmRemove(): Promise<void>
  setPalette(open: boolean): void
  setConnection(s: ConnectionStatus): void
  toast(t: Omit<Toast, 'id'>): void
  dismissToast(id: number): void
  engagementRemovedElsewhere(id: string): void
}

export type AppStore = StoreApi<AppState & AppActions>

/**
 * The app store. Actions stay thin: they call the transport and hand results to the pure
 * transitions in ./engagements, ./form, ./ui and ./toasts.
 */
export function createAppStore(transport: Transport): AppStore {
  let toastSeq = 0
  // only the newest list request may write: an older, slower answer must not win
  let loadSeq = 0
  return createStore<AppState & AppActions>()((set, get) => {
    const patchUi = (f: (u: UiState) => UiState) => set((s) => ({ ui: f(s.ui) }))
    const toast = (t: Omit<Toast, 'id'>) => set((s) => ({ toasts: pushToast(s.toasts, { ...t, id: ++toastSeq }) }))

    return {
      info: null,
      ready: false,
      fatal: null,
      connection: 'connected',
      engagements: eng.initialEngagements,
      ui: initialUi,
      toasts: [],
      ...sprintActions(set, get, transport, toast),
      ...transferActions(transport, toast, () => get().refreshEngagements()),
      evidence: initialEvidence,
      result: initialResult,
      ...evidenceActions(transport, set, get),
      ...resultActions(transport, set, get),
      runbooks: initialRunbooks,
      ...runbookActions(transport, set, get),
      vault: initialVault,
      ...vaultActions(transport, set, get),
      handover: initialHandover,
      ...handoverActions(transport, set, get),
      inventory: initialInventory,
      ...inventoryActions(transport, set, get),
      exposures: initialExposures,
      ...exposureActions(transport, set, get),
      settings: initialSettings,
      ...settingsActions(transport, set, get),
      summaries: initialSummaries,
      ...summaryActions(transport, set),
      portfolio: initialPortfolio,
      ...portfolioActions(transport, set, toast),

      async init() {
        try {
          const info = await transport.call('appInfo')
          set({ info })
          await get().refreshEngagements()
        } catch (e) {
          set({ fatal: toErrorInfo(e) })
        }
        set({ ready: true })
      },

      async refreshEngagements() {
        const mine = ++loadSeq
        set((s) => ({ engagements: eng.loadStarted(s.engagements) }))
        // the rows' sprint clock and risks come alongside; they fail (or lag) on their own
        void get().loadSummaries()
        try {
          const items = await transport.call('listEngagements')
          if (mine !== loadSeq) return
          set((s) => {
            const engagements = eng.listLoaded(s.engagements, items)
            // drop references to engagements that no longer exist
            let ui = s.ui
            for (const old of s.engagements.items) if (!items.some((x) => x.id === old.id)) ui = forgetEngagement(ui, old.id)
            return { engagements, ui }
          })
        } catch (e) {
          if (mine === loadSeq) set((s) => ({ engagements: eng.loadFailed(s.engagements, toErrorInfo(e)) }))
        }
      },

      navigate: (route) => patchUi((u) => ({ ...u, route, paletteOpen: false })),
      setFilter: (filter) => patchUi((u) => ({ ...u, filter })),
      openCreate: () => patchUi((u) => ({ ...u, paletteOpen: false, form: { mode: 'create', errors: {}, busy: false } })),
      openEdit: (id) => patchUi((u) => ({ ...u, paletteOpen: false, form: { mode: 'edit', id, errors: {}, busy: false } })),
      closeForm: () => patchUi((u) => ({ ...u, form: null })),

      async saveEngagement(draft) {
        const form = get().ui.form
        if (!form || form.busy) return false
        patchUi((u) => (u.form ? { ...u, form: { ...u.form, busy: true, errors: {} } } : u))
        try {
          const input = draftToInput(draft)
          const saved: Engagement =
            form.mode === 'create' ? await transport.call('createEngagement', input) : await transport.call('updateEngagement', { id: form.id, patch: input })
          set((s) => ({ engagements: eng.upserted(s.engagements, saved), ui: { ...s.ui, form: null, route: { name: 'engagement', id: saved.id } } }))
          toast({ kind: 'success', title: form.mode === 'create' ? `Created ${eng.label(saved)}` : `Saved ${eng.label(saved)}` })
          return true
        } catch (e) {
          // the open form shows every failure in place (fields, or a banner on top): no toast
          patchUi((u) => formFailed(u, errorsFromIssues(toErrorInfo(e))))
          return false
        }
      },

      askRemove(id) {
        const e = get().engagements.items.find((x) => x.id === id)
        if (e) patchUi((u) => ({ ...u, paletteOpen: false, confirm: { kind: 'removeEngagement', id, title: eng.label(e), busy: false } }))
      },
      cancelConfirm: () => patchUi((u) => ({ ...u, confirm: null })),

      async confirmRemove() {
        const c = get().ui.confirm
        if (!c || c.busy) return
        patchUi((u) => (u.confirm ? { ...u, confirm: { ...u.confirm, busy: true } } : u))
        try {
          await transport.call('removeEngagement', { id: c.id })
          set((s) => ({ engagements: eng.removed(s.engagements, c.id), ui: forgetEngagement(s.ui, c.id) }))
          toast({ kind: 'success', title: `Deleted ${c.title}` })
        } catch (e) {
          patchUi((u) => ({ ...u, confirm: null }))
          toast({ kind: 'error', title: `Could not delete ${c.title}`, detail: toErrorInfo(e).message })
        }
      },

      setPalette: (open) => patchUi((u) => ({ ...u, paletteOpen: open && !u.form && !u.confirm })),
      setConnection: (connection) => set({ connection }),
      toast,
      dismissToast: (id) => set((s) => ({ toasts: dismissToast(s.toasts, id) })),
      engagementRemovedElsewhere: (id) => set((s) => ({ engagements: eng.removed(s.engagements, id), ui: forgetEngagement(s.ui, id) })),
    }
  })
}
