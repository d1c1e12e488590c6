import type { MethodName, MethodOutput, MethodParsed } from '@shared/contract'
import type { EventBus } from '../events'
import type { Workspace } from '../workspace'

/** What every area's API slice is built from. Areas add their own services here. */
export interface CoreServices {
  workspace: Workspace
  events: EventBus
  mode: 'electron' | 'browser'
}

/** Core's implementation of some contract methods, with already-validated input. */
export type ApiSlice<M extends MethodName> = { [K in M]: (input: MethodParsed<K>) => MethodOutput<K> | Promise<MethodOutput<K>> }

export type ApiImpl = ApiSlice<MethodName>
