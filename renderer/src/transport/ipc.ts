import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { Result } from '@shared/errors'
import type { PreloadApi } from '../../../electron/preload/api'
import { TransportError, type Transport } from './types'

/** The Electron transport: the preload's one-function-per-method bridge. */
export function createIpcTransport(api: PreloadApi): Transport {
  return {
    kind: 'ipc',
    async call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
      const fn = api[method] as (i?: unknown) => Promise<Result<MethodOutput<M>>>
      const r = await fn(input)
      if (!r.ok) throw new TransportError(r.error)
      return r.value
    },
    subscribe(handler, opts) {
      // IPC never drops while the window lives; report connected once.
      opts?.onStatus?.('connected')
      return api.onEvent(handler)
    },
  }
}
