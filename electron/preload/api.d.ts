import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { AppEvent } from '../../shared/events'

/** The typed window global the preload exposes in Electron (absent in browser mode). */
export type PreloadApi = { [M in MethodName]: (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>> } & {
  onEvent(cb: (e: AppEvent) => void): () => void
}

declare global {
  interface Window {
    handover?: PreloadApi
  }
}
