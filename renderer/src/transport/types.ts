import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { ErrorInfo } from '@shared/errors'
import type { AppEvent } from '@shared/events'

/** Whether the event stream is live; the UI shows a banner while it is not. */
export type ConnectionStatus = 'connected' | 'reconnecting'

export interface SubscribeOptions {
  /** Told when the stream drops and comes back. */
  onStatus?: (s: ConnectionStatus) => void
  /** Called after a reconnect: events may have been missed, so callers refetch. */
  onResync?: () => void
}

/**
 * The one way the renderer reaches core: Electron IPC or browser-mode HTTP. Store actions use
 * it; components never do. `call` resolves with the value or throws a TransportError.
 */
export interface Transport {
  readonly kind: 'ipc' | 'http'
  call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>>
  subscribe(handler: (e: AppEvent) => void, opts?: SubscribeOptions): () => void
}

/** A failed call, carrying the ErrorInfo core (or the transport itself) produced. */
export class TransportError extends Error {
  readonly info: ErrorInfo
  constructor(info: ErrorInfo) {
    super(info.message)
    this.name = 'TransportError'
    this.info = info
  }
}

/** Turn anything thrown by a call into ErrorInfo a person can read. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof TransportError) return e.info
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) }
}
