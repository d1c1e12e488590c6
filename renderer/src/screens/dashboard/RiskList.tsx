import { useState, type KeyboardEvent } from 'react'
import type { Risk } from '@shared/schemas/sprint'
import { useActions } from '../../hooks/useStore'
import { StatusBadge } from '../sprint/StatusBadge'

/** Risks shown before "Show all": the top of the fix order is what matters today. */
const TOP = 8

/** Open risks in fix order: reorder with Alt+↑/↓ or the buttons, annotate with a note. */
export function RiskList({ risks: all }: { risks: Risk[] }) {
  const { moveRisk } = useActions()
  const [showAll, setShowAll] = useState(false)
  const risks = showAll ? all : all.slice(0, TOP)
  const onKey = (r: Risk) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return
    e.preventDefault()
    void moveRisk(r.itemId, e.key === 'ArrowUp' ? -1 : 1).then(() => document.getElementById(`risk-${r.itemId}`)?.focus())
  }
  return (
    <section className="card span-2" aria-labelledby="h-risks">
      <h2 id="h-risks" className="card-title">
        Risks in fix order <span className="small muted">Alt+↑/↓ to reorder</span>
      </h2>
      {!all.length ? (
        <p className="muted small">No open risks. Every item passes or is waived.</p>
      ) : (
        <ol className="risks" data-testid="risks">
          {risks.map((r, i) => (
            <li key={r.itemId} className="risk">
              <span className="risk-rank" aria-hidden="true">
                {r.rank}
              </span>
              <div className="risk-main">
                <button type="button" id={`risk-${r.itemId}`} className="risk-title" onKeyDown={onKey(r)} aria-describedby={`risk-why-${r.itemId}`}>
                  {r.title}
                </button>
                <span className={`sev sev-${r.severity}`}>{r.severity}</span> <StatusBadge status={r.status} />
                <p id={`risk-why-${r.itemId}`} className="small muted">
                  {r.why}
                </p>
                <RiskNote risk={r} />
              </div>
              <div className="risk-move">
                <button type="button" className="btn btn-xs btn-ghost" aria-label={`Move ${r.title} up`} disabled={i === 0} onClick={() => void moveRisk(r.itemId, -1)}>
                  ↑
                </button>
                <button type="button" className="btn btn-xs btn-ghost" aria-label={`Move ${r.title} down`} disabled={i === all.length - 1} onClick={() => void moveRisk(r.itemId, 1)}>
                  ↓
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {all.length > TOP && (
        <button type="button" className="btn btn-xs btn-ghost" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show the top ${TOP}` : `Show all ${all.length} risks`}
        </button>
      )}
    </section>
  )
}

function RiskNote({ risk }: { risk: Risk }) {
  const { updateItem } = useActions()
  const [note, setNote] = useState(risk.note)
  const save = () => void (note !== risk.note && updateItem(risk.itemId, { riskNote: note }))
  return (
    <input
      className="input input-sm"
      aria-label={`Risk note for ${risk.title}`}
      placeholder="Add a note (saved when you leave the field)"
      value={note}
      onChange={(e) => setNote(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && save()}
    />
  )
}
