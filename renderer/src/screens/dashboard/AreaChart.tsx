import type { CheckInfo, CheckResultInfo } from '@shared/contract/checks'
import { hashWithFilters } from '../../store/evidenceUrl'
import { noFilters } from '../../store/evidence'
import { areaOverview, OUTCOMES } from '../../store/sprint'
import { areaName } from '../../lib/areas'
import { OutcomeLegend } from './OutcomeLegend'

const BAR_W = 300
const BAR_H = 16

/**
 * Pass/warn/fail by area, one row each: the area's name links to its results in the evidence
 * (filtered by its checks), and the bar is on one scale for every row, so an area with one
 * result is one result long, not as long as an area with nineteen.
 */
export function AreaChart({ engagementId, results, checks }: { engagementId: string; results: CheckResultInfo[]; checks: CheckInfo[] }) {
  // in the order a person reads the names, not their ids
  const rows = areaOverview(results, checks).sort((a, b) => areaName(a.area).localeCompare(areaName(b.area)))
  const most = Math.max(1, ...rows.map((r) => r.total))
  const evidence = `#/engagements/${encodeURIComponent(engagementId)}/evidence`
  return (
    <section className="card" aria-labelledby="h-areas">
      <h2 id="h-areas" className="card-title">
        Results by area
      </h2>
      {!rows.length ? (
        <p className="muted small">No results yet. Run everything from the sprint board to fill this chart.</p>
      ) : (
        <>
          <ul className="area-rows" data-testid="area-chart">
            {rows.map((r) => {
              const name = areaName(r.area)
              const said = OUTCOMES.filter((o) => r.counts[o]).map((o) => `${r.counts[o]} ${o}`).join(', ')
              let x = 0
              return (
                <li key={r.area} data-area={r.area}>
                  <a href={hashWithFilters(evidence, { ...noFilters, checkId: r.area, kind: 'check.result' })} className="area-name" title={`${name}: open its results`}>
                    {name}
                  </a>
                  <svg className="area-bar" viewBox={`0 0 ${BAR_W} ${BAR_H}`} preserveAspectRatio="none" role="img" aria-label={`${name}: ${said}`}>
                    {OUTCOMES.map((o) => {
                      const w = (r.counts[o] / most) * BAR_W
                      const rect = w > 0 ? <rect key={o} x={x} y={0} width={w} height={BAR_H} className={`seg-${o}`} data-outcome={o} /> : null
                      x += w
                      return rect
                    })}
                  </svg>
                  <span className="small area-total">{r.total}</span>
                </li>
              )
            })}
          </ul>
          <OutcomeLegend />
        </>
      )}
    </section>
  )
}
