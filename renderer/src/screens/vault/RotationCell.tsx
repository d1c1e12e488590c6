import { useState } from 'react'
import type { Credential } from '@shared/contract/credentials'
import { rotationNote, type RotationState } from '@shared/rotation'

/**
 * A credential's rotation: the next date (or the token's expiry, when nearer) marked overdue or
 * due soon, the period, a rotation waiting for verification, and an editor for the date.
 */
export function RotationCell({ c, state, onSchedule }: { c: Credential; state: RotationState | null; onSchedule(p: { rotationDue?: string | null; rotationDays?: number }): void }) {
  const [editing, setEditing] = useState(false)
  const [due, setDue] = useState(c.rotationDue ?? '')
  const [days, setDays] = useState(String(c.rotationDays))
  if (editing) {
    return (
      <form
        className="vault-schedule"
        onSubmit={(e) => {
          e.preventDefault()
          setEditing(false)
          const n = Number(days)
          onSchedule(n !== c.rotationDays && Number.isInteger(n) && n > 0 ? { rotationDays: n, ...(due !== c.rotationDue ? { rotationDue: due || null } : {}) } : { rotationDue: due || null })
        }}
      >
        <label className="field">
          <span>Next rotation</span>
          <input className="input" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
        <label className="field">
          <span>Every (days)</span>
          <input className="input" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-xs">
          Save
        </button>
      </form>
    )
  }
  const note = rotationNote(c)
  return (
    <div data-testid="rotation-cell">
      {note ? <span className={state ? `st st-${state === 'overdue' ? 'fail' : 'warn'}` : ''}>{state === 'overdue' ? 'Overdue: ' : state === 'soon' ? 'Due soon: ' : ''}{note}</span> : <span className="muted">—</span>}
      <div className="small muted">
        every {c.rotationDays} days{c.rotatedAt ? ` · last ${c.rotatedAt.slice(0, 10)}` : ''}{' '}
        <button type="button" className="btn btn-xs btn-ghost" onClick={() => setEditing(true)} aria-label={`Change the rotation date of ${c.label}`}>
          Change
        </button>
      </div>
      {c.pendingRotation && <div className="small st st-warn">New secret pending verification (next online run)</div>}
    </div>
  )
}
