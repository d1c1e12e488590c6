import { createStore } from 'zustand/vanilla'
import type { Engagement } from '@shared/schemas/engagement'
import { toErrorInfo, type Transport } from '../transport/types'
import * as eng from './engagements'
import { sprintActions } from './sprintActions'
import { transferActions } from './transfer'
import { evidenceActions, initialEvidence } from './evidence'
import { initialResult, resultActions } from './results'
import { initialRunbooks, runbookActions } from './runbooks'
import { initialVault, vaultActions } from './vault'
import { handoverActions, initialHandover } from './handover'
import { initialInventory, inventoryActions } from './inventory'
import { exposureActions, initialExposures } from './exposures'
import { draftToInput, errorsFromIssues } from './form'
import { initialSettings, settingsActions } from './settings'
import { identityActions, initialIdentity } from './identity'
import { initialSummaries, summaryActions } from './summaries'
import { initialProbes, probeActions } from './probes'
import { initialPortfolio, portfolioActions } from './portfolio'
import { initialQueue, queueActions } from './queue'
import { dismissToast, pushToast, type Toast } from './toasts'
import { activityEvent, dismissActivity } from './activity'
import { forgetEngagement, formFailed, initialUi, type UiState } from './ui'

import type { AppActions, AppState, AppStore } from './types'

export type { AppActions, AppState, AppStore } from './types'

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
      identity: initialIdentity,
      ...identityActions(transport, set, get),
      summaries: initialSummaries,
      ...summaryActions(transport, set),
      probes: initialProbes,
      ...probeActions(transport, set, get),
      portfolio: initialPortfolio,
      ...portfolioActions(transport, set, toast),
      queue: initialQueue,
      ...queueActions(transport, set, get),

      async init() {
        // the list goes out with appInfo, before the first render, not one round trip after it
        const list = get().refreshEngagements()
        try {
          set({ info: await transport.call('appInfo') })
        } catch (e) {
          set({ fatal: toErrorInfo(e) })
        }
        await list
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

      async saveEngagement(draft, o) {
        const form = get().ui.form
        if (!form || form.busy) return false
        patchUi((u) => (u.form ? { ...u, form: { ...u.form, busy: true, errors: {} } } : u))
        try {
          const input = draftToInput(draft)
          const saved: Engagement =
            form.mode === 'create' ? await transport.call('createEngagement', input) : await transport.call('updateEngagement', { id: form.id, patch: input })
          set((s) => ({ engagements: eng.upserted(s.engagements, saved), ui: { ...s.ui, form: null, route: { name: 'engagement', id: saved.id } } }))
          toast({ kind: 'success', title: form.mode === 'create' ? `Created ${eng.label(saved)}` : `Saved ${eng.label(saved)}` })
          if (form.mode === 'create' && o?.startSprintWith) {
            // the engagement exists either way; a sprint that did not start says so, and the board offers Start
            await transport
              .call('startSprint', { engagementId: saved.id, templateId: o.startSprintWith })
              .then(() => toast({ kind: 'success', title: 'Sprint started: the 48-hour clock is running' }))
              .catch((e: unknown) => toast({ kind: 'error', title: 'The engagement was created, but its sprint did not start', detail: toErrorInfo(e).message }))
          }
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
          const r = await transport.call('removeEngagement', { id: c.id, undoable: true })
          set((s) => ({ engagements: eng.removed(s.engagements, c.id), ui: forgetEngagement(s.ui, c.id) }))
          // the engine keeps the data until the Undo window (and a grace period) has passed
          toast({ kind: 'success', title: `Deleted ${c.title}`, ms: r.undoWithinMs ?? 5000, ...(r.undoWithinMs ? { action: { label: 'Undo', run: () => void get().undoRemove(c.id, c.title) } } : {}) })
        } catch (e) {
          patchUi((u) => ({ ...u, confirm: null }))
          toast({ kind: 'error', title: `Could not delete ${c.title}`, detail: toErrorInfo(e).message })
        }
      },

      async undoRemove(id, title) {
        try {
          const e = await transport.call('restoreEngagement', { id })
          await get().refreshEngagements()
          toast({ kind: 'success', title: `Restored ${title}` })
          get().navigate({ name: 'engagement', id: e.id })
        } catch (e) {
          toast({ kind: 'error', title: `Could not restore ${title}`, detail: toErrorInfo(e).message })
        }
      },

      setPalette: (open) => patchUi((u) => ({ ...u, paletteOpen: open && !u.form && !u.confirm, shortcutsOpen: open ? false : u.shortcutsOpen })),
      async loadPaletteData(engagementId) {
        const checks = get().result.catalog ?? (get().sprint.checks.length ? get().sprint.checks : await transport.call('listChecks').catch(() => null))
        const results = engagementId ? await transport.call('listResults', { engagementId }).catch(() => null) : null
        return { checks, results }
      },
      setShortcutSheet: (open) => patchUi((u) => ({ ...u, shortcutsOpen: open && !u.form && !u.confirm, paletteOpen: false })),
      setConnection: (connection) => set({ connection }),
      toast,
      dismissToast: (id) => set((s) => ({ toasts: dismissToast(s.toasts, id) })),
      activity: [],
      activityEvent: (e) => set((s) => {
        const activity = activityEvent(s.activity, e, Date.now())
        return activity === s.activity ? s : { activity }
      }),
      dismissActivity: (runId) => set((s) => ({ activity: dismissActivity(s.activity, runId) })),
      engagementRemovedElsewhere: (id) => set((s) => ({ engagements: eng.removed(s.engagements, id), ui: forgetEngagement(s.ui, id) })),
    }
  })
}
