import type { SprintStatus } from '@shared/schemas/sprint'
import { toErrorInfo, type Transport } from '../transport/types'
import { runEvent, runRequested } from './runs'
import * as sp from './sprint'
import type { Toast } from './toasts'
import type { SprintActions, SprintSliceState } from './types/sprint'

export type { SprintActions, SprintSliceState } from './types/sprint'

type Get = () => SprintSliceState & SprintActions
type Set = (f: (s: SprintSliceState) => Partial<SprintSliceState>) => void

/**
 * Store actions of the sprint board and dashboard: thin calls to the transport, results handed
 * to the pure transitions in ./sprint and ./runs. `toast` reports what failed and what to do.
 */
export function sprintActions(set: Set, get: Get, transport: Transport, toast: (t: Omit<Toast, 'id'>) => void): SprintSliceState & SprintActions {
  const patch = (f: (s: sp.SprintState) => Partial<sp.SprintState>) => set((s) => ({ sprint: { ...s.sprint, ...f(s.sprint) } }))
  const current = () => get().sprint.engagementId
  const fail = (title: string) => (e: unknown) => toast({ kind: 'error', title, detail: toErrorInfo(e).message })
  const applyStatus = (id: string, status: SprintStatus) => {
    if (current() === id) patch(() => ({ status, phase: 'loaded', error: null }))
  }

  // Only the newest load may write: an older, slower answer must not win.
  let loadSeq = 0

  /** A run started: list it (as running) without reloading the rest; a full load since wins. */
  async function loadRuns(id: string): Promise<void> {
    const mine = loadSeq
    const runs = await transport.call('listRuns', { engagementId: id, limit: sp.RECENT_RUNS })
    if (mine === loadSeq && current() === id) patch(() => ({ runs }))
  }

  /**
   * The plan, the latest results, the newest runs and what the newest run changed, written
   * together: 'loaded' never shows a finished run's board beside the run list of a load that
   * started while it was still running.
   */
  async function refresh(id: string): Promise<void> {
    const mine = ++loadSeq
    patch((s) => sp.sprintLoading(s, id))
    try {
      const [status, checks, results, runs, changes] = await Promise.all([
        transport.call('sprintStatus', { engagementId: id }),
        get().sprint.checks.length ? Promise.resolve(get().sprint.checks) : transport.call('listChecks'),
        transport.call('listResults', { engagementId: id }),
        transport.call('listRuns', { engagementId: id, limit: sp.RECENT_RUNS }),
        transport.call('runChanges', { engagementId: id }),
      ])
      if (mine !== loadSeq || current() !== id) return
      set((s) => ({ sprint: sp.historyLoaded({ ...s.sprint, status, checks, phase: 'loaded', error: null }, id, { results, runs, changes }) }))
    } catch (e) {
      if (mine === loadSeq && current() === id) patch(() => ({ phase: 'error', error: toErrorInfo(e) }))
    }
  }

  return {
    sprint: sp.initialSprint,
    run: null,

    async openSprint(engagementId) {
      if (current() !== engagementId) set(() => ({ sprint: sp.sprintLoading(sp.initialSprint, engagementId) }))
      await refresh(engagementId)
    },

    async listTemplates() {
      return transport.call('listTemplates').catch(() => [])
    },

    async finishSprint() {
      const id = current()
      if (!id) return false
      try {
        applyStatus(id, await transport.call('finishSprint', { engagementId: id }))
        toast({ kind: 'success', title: 'Sprint finished: the clock has stopped' })
        return true
      } catch (e) {
        fail('Could not finish the sprint')(e)
        return false
      }
    },

    async startSprint(templateId) {
      const id = current()
      if (!id) return
      try {
        applyStatus(id, await transport.call('startSprint', { engagementId: id, ...(templateId ? { templateId } : {}) }))
        toast({ kind: 'success', title: 'Sprint started: the 48-hour clock is running' })
      } catch (e) {
        fail('Could not start the sprint')(e)
      }
    },

    async runSprint(scope) {
      const id = current()
      if (!id || get().run?.state === 'running') return
      try {
        const r = await transport.call('runSprint', { engagementId: id, ...scope })
        if (r.total === 0) return toast({ kind: 'info', title: scope.failed ? 'Nothing failing to re-run' : 'No automated checks to run here' })
        set((s) => ({ run: s.run?.runId === r.runId ? s.run : runRequested(r.runId, id, r.total) }))
      } catch (e) {
        fail('Could not start the run')(e)
      }
    },

    async cancelRun() {
      const run = get().run
      if (!run || run.state !== 'running') return
      set((s) => ({ run: s.run && { ...s.run, cancelling: true } }))
      await transport.call('cancelRun', { runId: run.runId }).catch(fail('Could not cancel the run'))
    },

    async updateItem(itemId, p) {
      const id = current()
      if (!id) return false
      try {
        applyStatus(id, await transport.call('updateSprintItem', { engagementId: id, itemId, patch: p }))
        return true
      } catch (e) {
        fail('Could not save the item')(e)
        return false
      }
    },

    async moveRisk(itemId, delta) {
      const id = current()
      const risks = get().sprint.status?.risks ?? []
      const patches = sp.moveRisk(risks, itemId, delta)
      if (!id || !patches.length) return
      try {
        let last: SprintStatus | null = null
        // sequential: each write returns the whole plan, the last one is the truth
        for (const x of patches) last = await transport.call('updateSprintItem', { engagementId: id, itemId: x.itemId, patch: { fixOrder: x.fixOrder } })
        if (last) applyStatus(id, last)
      } catch (e) {
        fail('Could not change the fix order')(e)
      }
    },

    focusItem: (focus) => patch(() => ({ focus })),
    openItem: (openItem) => {
      patch((s) => ({ openItem, focus: openItem ?? s.focus }))
      if (openItem) void get().loadAttachments(openItem)
    },
    // one modal at a time: waiving from the item sheet closes the sheet
    askWaive: (waiveItem) => patch((s) => ({ waiveItem, openItem: waiveItem ? null : s.openItem })),

    async waive(input) {
      const id = current()
      if (!id) return { code: 'not_found', message: 'No engagement is open.' }
      try {
        applyStatus(id, await transport.call('waiveItem', { engagementId: id, ...input }))
        patch(() => ({ waiveItem: null }))
        toast({ kind: 'success', title: `Waived until ${input.expiresAt}` })
        return null
      } catch (e) {
        return toErrorInfo(e)
      }
    },

    async revokeWaiver(itemId) {
      const id = current()
      if (!id) return
      try {
        applyStatus(id, await transport.call('revokeWaiver', { engagementId: id, itemId }))
        toast({ kind: 'success', title: 'Waiver revoked: the item is open again' })
      } catch (e) {
        fail('Could not revoke the waiver')(e)
      }
    },

    async recordVerdict(input) {
      const id = current()
      if (!id) return { code: 'not_found', message: 'No engagement is open.' }
      try {
        applyStatus(id, await transport.call('recordVerdict', { engagementId: id, ...input }))
        await get().loadAttachments(input.itemId)
        return null
      } catch (e) {
        // shown in the sheet, beside the form, not as a toast that outlives the fix
        return toErrorInfo(e)
      }
    },

    async loadAttachments(itemId) {
      const id = current()
      if (!id) return
      try {
        const list = await transport.call('listAttachments', { engagementId: id, itemId })
        if (current() === id) patch((s) => ({ attachments: { ...s.attachments, [itemId]: list } }))
      } catch (e) {
        fail('Could not list the attachments')(e)
      }
    },

    async attachmentsOf(itemId, engagementId) {
      const id = engagementId ?? current()
      if (!id) return null
      try {
        return await transport.call('listAttachments', { engagementId: id, itemId })
      } catch (e) {
        fail('Could not list the attachments')(e)
        return null
      }
    },

    async readAttachment(attachmentId, engagementId) {
      const id = engagementId ?? current()
      if (!id) return null
      try {
        return await transport.call('readAttachment', { engagementId: id, id: attachmentId })
      } catch (e) {
        fail('Could not open the attachment')(e)
        return null
      }
    },

    sprintEvent(e) {
      const id = current()
      const before = get().run
      // run.started may beat runSprint's answer: start watching from the event itself
      const adopt = e.type === 'run.started' && e.engagementId === id && before?.runId !== e.runId && before?.state !== 'running'
      const after = adopt ? runRequested(e.runId, e.engagementId, e.total) : runEvent(before, e)
      if (after !== before) set(() => ({ run: after }))
      if (!id) return
      if (e.type === 'sprint.changed' && e.engagementId === id) void refresh(id)
      if (e.type === 'run.started' && e.engagementId === id) void loadRuns(id).catch(() => undefined)
      if (e.type === 'run.finished' && e.engagementId === id) void refresh(id)
    },
  }
}
