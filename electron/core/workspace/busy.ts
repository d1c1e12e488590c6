// Kept apart from db.ts so that code which only reads an error (the CLI's error line) need not load SQLite.

/** What a person reads when another process kept the workspace locked past the busy timeout. */
export const BUSY_MESSAGE = 'the workspace is busy: another Handover Console process kept it locked for too long; try again'

/** Whether an error is SQLite giving up on a lock (SQLITE_BUSY or SQLITE_LOCKED and their variants). */
export function isBusyError(e: unknown): boolean {
  const code = String((e as { code?: unknown } | null)?.code ?? '')
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
}
