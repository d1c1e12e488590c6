import { useState, type FormEvent } from 'react'
import { activeFilters, noFilters, type EvidenceFilters } from '../../store/evidence'

const STATUSES: EvidenceFilters['status'][] = ['', 'pass', 'warn', 'fail', 'error', 'skip']

/** The timeline's filters: edit freely, apply with Enter or the button. */
export function EvidenceFilterBar({ value, onApply }: { value: EvidenceFilters; onApply(f: EvidenceFilters): void }) {
  const [f, setF] = useState(value)
  const set = (k: keyof EvidenceFilters) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onApply(f)
  }
  const n = activeFilters(value)
  return (
    <form className="ev-filters card" onSubmit={submit} aria-label="Filter evidence">
      <label className="field">
        <span>Check</span>
        <input className="input mono" value={f.checkId} onChange={set('checkId')} placeholder="dns.hosts" />
      </label>
      <label className="field">
        <span>Host</span>
        <input className="input mono" value={f.target} onChange={set('target')} placeholder="www.acme.example" />
      </label>
      <label className="field">
        <span>Status</span>
        <select className="input" value={f.status} onChange={set('status')}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s || 'Any'}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Kind</span>
        <input className="input mono" value={f.kind} onChange={set('kind')} placeholder="dns.answer" />
      </label>
      <label className="field">
        <span>From</span>
        <input className="input" type="date" value={f.from} onChange={set('from')} />
      </label>
      <label className="field">
        <span>To</span>
        <input className="input" type="date" value={f.to} onChange={set('to')} />
      </label>
      <div className="ev-filter-actions">
        <button type="submit" className="btn btn-primary">
          Apply
        </button>
        {n > 0 && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setF(noFilters)
              onApply(noFilters)
            }}
          >
            Clear ({n})
          </button>
        )}
      </div>
    </form>
  )
}
