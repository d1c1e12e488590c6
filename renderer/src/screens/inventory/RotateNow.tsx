import { useState } from 'react'
import type { Exposure } from '@shared/contract/exposures'
import { useActions, useApp } from '../../hooks/useStore'
import { rotateNow } from '../../store/exposures'

/**
 * Secrets the checks saw exposed (ever), until someone records that each was rotated at its
 * provider: the same rotate-now list the handover PDF prints in the guide and the inventory.
 */
export function RotateNow({ engagementId }: { engagementId: string }) {
  const v = useApp((s) => s.exposures)
  const list = v.engagementId === engagementId ? rotateNow(v.list) : []
  if (!list.length) return null
  return (
    <section className="banner banner-error inv-rotate" aria-labelledby="inv-rotate-title" data-testid="rotate-now">
      <h2 id="inv-rotate-title">
        Rotate now: {list.length} exposed secret{list.length === 1 ? '' : 's'}
      </h2>
      <p className="small">Removing a leaked value is not enough: it is known. Issue a new one at the provider, update where it is used, then record it here.</p>
      <ul className="inv-rotate-list">
        {list.map((x) => (
          <Row key={x.key} x={x} busy={v.busy === x.key} />
        ))}
      </ul>
    </section>
  )
}

function Row({ x, busy }: { x: Exposure; busy: boolean }) {
  const { recordRotation } = useActions()
  const [open, setOpen] = useState(false)
  const [by, setBy] = useState('')
  const [note, setNote] = useState('')
  return (
    <li>
      <div>
        <strong className="mono">{x.name}</strong> <span className="small">at {x.provider}</span>
        <span className="small muted"> — {x.where}{x.stillExposed ? ' (still exposed)' : ''}</span>
      </div>
      {!open ? (
        <button type="button" className="btn btn-xs" onClick={() => setOpen(true)} aria-label={`Record rotation of ${x.name}`}>
          Record rotation…
        </button>
      ) : (
        <form
          className="inv-rotate-form"
          onSubmit={(e) => {
            e.preventDefault()
            void recordRotation(x.key, by, note).then((ok) => ok && setOpen(false))
          }}
        >
          <label className="field">
            <span>Rotated by</span>
            <input className="input input-sm" value={by} onChange={(e) => setBy(e.target.value)} required />
          </label>
          <label className="field">
            <span>Note</span>
            <input className="input input-sm" value={note} onChange={(e) => setNote(e.target.value)} placeholder="New key issued, old one revoked" />
          </label>
          <button type="submit" className="btn btn-xs btn-primary" disabled={busy || !by.trim()}>
            {busy ? 'Recording…' : 'Record'}
          </button>
          <button type="button" className="btn btn-xs btn-ghost" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      )}
    </li>
  )
}
