import type { ReactNode } from 'react'
import { OUTCOMES } from '../../store/sprint'

/** The colour key of the outcome charts (colour is never the only signal: each swatch is named). */
export function OutcomeLegend({ children }: { children?: ReactNode }) {
  return (
    <p className="legend small">
      {OUTCOMES.map((o) => (
        <span key={o}>
          <i className={`swatch seg-${o}`} aria-hidden="true" /> {o}
        </span>
      ))}
      {children}
    </p>
  )
}
