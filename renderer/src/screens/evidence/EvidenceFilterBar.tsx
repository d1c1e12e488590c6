import { useEffect, useRef, useState } from 'react'
import { activeFilters, noFilters, type EvidenceFilters } from '../../store/evidence'

const STATUSES: EvidenceFilters['status'][] = ['', 'pass', 'warn', 'fail', 'error', 'skip']
/** Typing pauses this long before the list follows (a request per pause, not per key). */
const SETTLE_MS = 300
/** A filter bound that is a moment (a run's start or end), not a day. */
const timeOf = (v: string) => v.includes('T')

/**
 * The timeline's search and filters. They apply as they change (text after a short pause), so
 * there is no Apply button; the screen keeps them in the address, so a filtered view is a link.
 */
export function EvidenceFilterBar({ value, onApply }: { value: EvidenceFilters; onApply(f: EvidenceFilters): void }) {
  const [f, setF] = useState(value)
  const latest = useRef(onApply)
  latest.current = onApply
  const applied = useRef(JSON.stringify(value))
  // filters set from outside (an address with other filters: a chart's link) replace what is shown
  const valueKey = JSON.stringify(value)
  useEffect(() => {
    if (valueKey === applied.current) return
    applied.current = valueKey
    setF(JSON.parse(valueKey) as EvidenceFilters)
  }, [valueKey])
  useEffect(() => {
    const key = JSON.stringify(f)
    if (key === applied.current) return
    const t = setTimeout(() => {
      applied.current = key
      latest.current(f)
    }, SETTLE_MS)
    return () => clearTimeout(t)
  }, [f])
  const set = (k: keyof EvidenceFilters) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }))
  const n = activeFilters(value)
  return (
    <form className="ev-filters card" role="search" aria-label="Search and filter evidence" onSubmit={(e) => (e.preventDefault(), (applied.current = JSON.stringify(f)), onApply(f))}>
      <label className="field ev-search">
        <span>Search</span>
        <input className="input" type="search" value={f.q} onChange={set('q')} placeholder="Label, check, host or kind" />
      </label>
      <label className="field">
        <span>Check or family</span>
        <input className="input mono" value={f.checkId} onChange={set('checkId')} placeholder="http or dns.hosts" />
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
        {/* a run's link from the sprint timeline carries exact times (ISO, UTC): shown as they are */}
        <input className={timeOf(f.from) ? 'input mono' : 'input'} type={timeOf(f.from) ? 'text' : 'date'} value={f.from} onChange={set('from')} />
      </label>
      <label className="field">
        <span>To</span>
        <input className={timeOf(f.to) ? 'input mono' : 'input'} type={timeOf(f.to) ? 'text' : 'date'} value={f.to} onChange={set('to')} />
      </label>
      {n > 0 && (
        <div className="ev-filter-actions">
          <button type="button" className="btn btn-ghost" onClick={() => setF(noFilters)}>
            Clear ({n})
          </button>
        </div>
      )}
    </form>
  )
}
