import { ITEM_STATUS_LABELS, type ItemStatus } from '@shared/schemas/sprint'

const LABEL: Record<string, string> = {
  ...ITEM_STATUS_LABELS,
  warn: 'Warn',
  error: 'Error',
  skip: 'Skipped',
  running: 'Running',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
}

/** A status as a coloured word (never colour alone). */
export function StatusBadge({ status }: { status: ItemStatus | string }) {
  return <span className={`st st-${status}`}>{LABEL[status] ?? status}</span>
}
