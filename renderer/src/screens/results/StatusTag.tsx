const LABELS: Record<string, string> = { pass: 'Pass', warn: 'Warn', fail: 'Fail', error: 'Error', skip: 'Skipped' }

/** A check outcome as a coloured tag with its word (colour is never the only signal). */
export function StatusTag({ status }: { status: string | null }) {
  if (!status) return <span className="muted small">—</span>
  return <span className={`st st-${status}`}>{LABELS[status] ?? status}</span>
}
