import { useState } from 'react'
import type { PlanItem } from '@shared/schemas/sprint'
import { Modal } from '../../components/Modal'
import { useActions } from '../../hooks/useStore'
import { StatusBadge } from './StatusBadge'

/** What is still open when a sprint ends: not passed and not waived. */
export function openItems(items: PlanItem[]): PlanItem[] {
  return items.filter((i) => i.status !== 'pass' && i.status !== 'waived')
}

/** Finish the sprint: asks first, listing what is still open; Keep going has focus. */
export function FinishSprint({ items }: { items: PlanItem[] }) {
  const { finishSprint } = useActions()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const open = openItems(items)
  return (
    <>
      <button type="button" className="btn" onClick={() => setAsking(true)}>
        Finish sprint…
      </button>
      {asking && (
        <Modal labelledBy="finish-title" describedBy="finish-body" onClose={() => setAsking(false)} role="alertdialog">
          <div className="modal-body">
            <h2 id="finish-title">Finish the sprint?</h2>
            <p id="finish-body" className="muted">
              {open.length
                ? `${open.length} ${open.length === 1 ? 'item is' : 'items are'} still open. Finishing stops the 48-hour clock and records when in the evidence; open items stay open and go into the handover as they are.`
                : 'Every item passed or is waived. Finishing stops the 48-hour clock and records when in the evidence.'}
            </p>
            {open.length > 0 && (
              <ul className="finish-open" aria-label="Still open" tabIndex={0} data-testid="finish-open">
                {open.map((i) => (
                  <li key={i.id}>
                    <StatusBadge status={i.status} /> <span>{i.title}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="modal-footer">
            <button type="button" className="btn" onClick={() => setAsking(false)} data-autofocus>
              Keep going
            </button>
            <button
              type="button"
              className="btn btn-primary"
              aria-disabled={busy}
              onClick={async () => {
                if (busy) return
                setBusy(true)
                const done = await finishSprint()
                setBusy(false)
                if (done) setAsking(false)
              }}
            >
              {busy ? 'Finishing…' : 'Finish sprint'}
            </button>
          </div>
        </Modal>
      )}
    </>
  )
}
