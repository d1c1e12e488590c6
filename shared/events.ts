/**
 * Events core sends to every UI (Electron: one IPC channel; browser mode: one event stream).
 * A discriminated union on `type`; add new kinds here.
 */
export type AppEvent =
  | { type: 'engagements.changed'; id: string; change: 'created' | 'updated' | 'removed' }
  | { type: 'sprint.changed'; engagementId: string }
  /** A command chosen in the Electron application menu (browser mode uses the palette instead). */
  | { type: 'menu.command'; command: MenuCommand }
  | { type: 'run.started'; runId: string; engagementId: string; total: number }
  | { type: 'check.started'; runId: string; checkId: string; target: string }
  | { type: 'check.finished'; runId: string; checkId: string; target: string; status: string; summary: string; done: number; total: number }
  /** `waiting`: the run's network checks could not judge and wait in the offline queue (why, in one word). */
  | { type: 'run.finished'; runId: string; engagementId: string; cancelled: boolean; waiting?: 'offline' | 'untrusted' }
  /** The workspace's network settings were saved or reset. */
  | { type: 'settings.changed' }

export type AppEventType = AppEvent['type']

export type MenuCommand = 'new-engagement' | 'engagements' | 'palette' | 'settings'

/** The single IPC channel name for events (Electron) and the SSE event name (browser mode). */
export const EVENT_CHANNEL = 'handover:event'
