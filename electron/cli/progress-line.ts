import type { AppEvent } from '@shared/events'

const MARK: Record<string, string> = { pass: '✓', warn: '!', fail: '✗', error: '⚠', skip: '-' }

/** One stderr line per finished check: "[12/36] ✗ http.hsts www.acme.example — no HSTS header". */
export function progressLine(e: Extract<AppEvent, { type: 'check.finished' }>): string {
  const width = String(e.total).length
  return `[${String(e.done).padStart(width)}/${e.total}] ${MARK[e.status] ?? '?'} ${e.checkId} ${e.target} — ${e.summary}`
}
