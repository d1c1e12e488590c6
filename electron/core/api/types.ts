import type { MethodName, MethodOutput, MethodParsed } from '@shared/contract'
import type { EventBus } from '../events'
import type { Workspace } from '../workspace'
import type { NetworkProfile } from '../net/profile'
import type { CredentialSource } from '../checks/types'

/**
 * Native desktop actions. Electron's main process provides them (from `shell` and `dialog`);
 * browser mode and the CLI have none, and the methods that need them answer `unsupported`.
 */
export interface DesktopShell {
  /** Show a folder (or open a file) with the OS. */
  openPath(path: string): Promise<void>
  /** Ask where to save a copy of `source` (a native dialog); copy it there. Null when cancelled. */
  saveFileAs(source: string, suggestedName: string): Promise<string | null>
  /** Ask for a folder (a native dialog). Null when cancelled. */
  chooseFolder(title: string, defaultPath: string): Promise<string | null>
  /** Remember `dir` as the workspace for the next start, and restart the app there. */
  useWorkspace(dir: string): Promise<void>
}

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
  /** Native folder and save dialogs (Electron only). */
  desktop?: DesktopShell
}

/** Core's implementation of some contract methods, with already-validated input. */
export type ApiSlice<M extends MethodName> = { [K in M]: (input: MethodParsed<K>) => MethodOutput<K> | Promise<MethodOutput<K>> }

export type ApiImpl = ApiSlice<MethodName>
