import type { CheckInfo, CheckResultInfo } from '@shared/contract/checks'
import { areaOverview, OUTCOMES } from '../../store/sprint'
import { OutcomeLegend } from './OutcomeLegend'

const ROW = 26
const LABEL_W = 110
const BAR_W = 300

/** Pass/warn/fail by area as hand-drawn SVG stacked bars, with a text table for screen readers. */
export function AreaChart({ results, checks }: { results: CheckResultInfo[]; checks: CheckInfo[] }) {
  const rows = areaOverview(results, checks)
  return (
    <section className="card" aria-labelledby="h-areas">
      <h2 id="h-areas" className="card-title">
        Results by area
      </h2>
      {!rows.length ? (
        <p className="muted small">No results yet. Run everything from the sprint board to fill this chart.</p>
      ) : (
        <>
          <svg className="chart" viewBox={`0 0 ${LABEL_W + BAR_W + 40} ${rows.length * ROW}`} role="img" aria-labelledby="h-areas chart-desc">
            <desc id="chart-desc">{rows.map((r) => `${r.area}: ${OUTCOMES.map((o) => `${r.counts[o]} ${o}`).join(', ')}`).join('; ')}</desc>
            {rows.map((r, i) => {
              let x = LABEL_W
              return (
                <g key={r.area} transform={`translate(0 ${i * ROW})`}>
                  <text x={0} y={17} className="chart-label">
                    {r.area}
                  </text>
                  {OUTCOMES.map((o) => {
                    const w = (r.counts[o] / r.total) * BAR_W
                    const rect = w > 0 ? <rect key={o} x={x} y={5} width={w} height={16} className={`seg-${o}`} /> : null
                    x += w
                    return rect
                  })}
                  <text x={LABEL_W + BAR_W + 6} y={17} className="chart-label">
                    {r.total}
                  </text>
                </g>
              )
            })}
          </svg>
          <OutcomeLegend />
        </>
      )}
    </section>
  )
}
