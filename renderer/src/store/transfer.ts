import { toErrorInfo, type Transport } from '../transport/types'
import type { Toast } from './toasts'
import type { TransferActions } from './types/transfer'

export type { TransferActions } from './types/transfer'

/** Export and import of whole engagements (moving machines, handing a colleague the work). */
export function transferActions(transport: Transport, toast: (t: Omit<Toast, 'id'>) => void, refresh: () => Promise<void>): TransferActions {
  return {
    async exportEngagement(id) {
      try {
        const r = await transport.call('exportEngagement', { id })
        toast({ kind: 'success', title: `Exported ${r.fileName}`, detail: `${r.evidence} evidence items with their hashes` })
        return { fileName: r.fileName, dataBase64: r.dataBase64 }
      } catch (e) {
        toast({ kind: 'error', title: 'Export failed', detail: toErrorInfo(e).message })
        return null
      }
    },
    async importEngagement(dataBase64) {
      try {
        const r = await transport.call('importEngagement', { dataBase64 })
        toast({ kind: 'success', title: `Imported ${r.domain}`, detail: `${r.evidence} evidence items, chain verified` })
        await refresh()
        return r.id
      } catch (e) {
        toast({ kind: 'error', title: 'Import refused', detail: toErrorInfo(e).message })
        return null
      }
    },
  }
}
