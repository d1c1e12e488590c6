import { toErrorInfo, type Transport } from '../transport/types'
import type { SliceApi } from './types'
import type { QueueActions, QueueState } from './types/queue'

export type { QueueActions, QueueState } from './types/queue'

export const initialQueue: QueueState = { runs: null, resuming: [], error: null }

/** The offline queue's actions: it is loaded on the screens that show it and after every run. */
export function queueActions(transport: Transport, set: SliceApi['setState'], get: SliceApi['getState']): QueueActions {
  const patch = (p: Partial<QueueState>) => set((s) => ({ queue: { ...s.queue, ...p } }))
  return {
    async loadQueue() {
      try {
        patch({ runs: await transport.call('listWaiting', {}), error: null })
      } catch (e) {
        patch({ error: toErrorInfo(e) })
      }
    },
    async resumeWaiting(engagementId) {
      patch({ resuming: [...get().queue.resuming, engagementId] })
      try {
        const { total } = await transport.call('resumeWaiting', { engagementId })
        get().toast({ kind: 'success', title: `Running the ${total} waiting check${total === 1 ? '' : 's'} again` })
        return true
      } catch (e) {
        get().toast({ kind: 'error', title: 'The waiting checks could not start', detail: toErrorInfo(e).message })
        return false
      } finally {
        patch({ resuming: get().queue.resuming.filter((id) => id !== engagementId) })
      }
    },
  }
}
