import type { MethodName, MethodOutput, MethodParsed } from '@shared/contract'
import type { EventBus } from '../events'
import type { Workspace } from '../workspace'
import type { NetworkProfile } from '../net/profile'
import type { CredentialSource } from '../checks/types'

/** What every area's API slice is built from. Areas add their own services here. */
export interface CoreServices {
  workspace: Workspace
  events: EventBus
  mode: 'electron' | 'browser'
  /**
   * A fixed base network profile (serve --lab's sandbox, tests); without one the base is the
   * system's network. The workspace's saved settings apply over either: use networkProfile().
   */
  profile?: NetworkProfile
  /** Where checks get provider credentials (a lab's in-memory tokens, or the keychain). */
  credentials?: CredentialSource
}

/** Core's implementation of some contract methods, with already-validated input. */
export type ApiSlice<M extends MethodName> = { [K in M]: (input: MethodParsed<K>) => MethodOutput<K> | Promise<MethodOutput<K>> }

export type ApiImpl = ApiSlice<MethodName>
