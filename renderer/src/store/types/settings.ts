import type { NetworkTestReport, SettingsInfo } from '@shared/contract/settings'
import type { ErrorInfo } from '@shared/errors'

/** The network form as typed: lists one per line, timeouts in seconds. */
export interface NetworkDraft {
  resolvers: string
  doh: string
  connectTo: string
  perHostConcurrency: string
  dnsS: string
  connectS: string
  requestS: string
  checkS: string
}

export type NetworkField = keyof NetworkDraft | 'form'

export type NetworkErrors = Partial<Record<NetworkField, string>>

export interface SettingsState {
  info: SettingsInfo | null
  draft: NetworkDraft | null
  errors: NetworkErrors
  busy: 'save' | 'reset' | 'test' | null
  error: ErrorInfo | null
  test: NetworkTestReport | null
  testError: ErrorInfo | null
}

export interface SettingsActions {
  loadSettings(): Promise<void>
  editNetwork(patch: Partial<NetworkDraft>): void
  /** Validate and save the form; true when saved. */
  saveNetwork(): Promise<boolean>
  resetNetwork(): Promise<void>
  /** Discard edits: back to what is saved. */
  revertNetwork(): void
  testNetwork(name: string, port: number): Promise<void>
  /** Another window saved or reset the settings. */
  settingsChangedElsewhere(): void
  /** Desktop app: show the workspace folder with the OS. */
  showWorkspaceFolder(): Promise<void>
  /** Desktop app: pick another workspace folder; the app restarts there. */
  changeWorkspace(): Promise<void>
}
