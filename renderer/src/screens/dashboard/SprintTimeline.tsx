import type { RunInfo } from '@shared/contract/checks'
import type { SprintStatus } from '@shared/schemas/sprint'
import { fullDate } from '../../lib/format'
import { hashWithFilters } from '../../store/evidenceUrl'
import { noFilters } from '../../store/evidence'
import { OUTCOMES } from '../../store/sprint'
import { OutcomeLegend } from './OutcomeLegend'
import { sprintTimeline } from './sprintTimeline'
import './timeline.css'

const W = 1000
const LEFT = 8
const RIGHT = 8
const BAND = 26
/** The plot starts below the bands and the "now" label, so no bar ever runs under that label. */
const PLOT_TOP = 46
const PLOT_H = 110
const AXIS_Y = PLOT_TOP + PLOT_H + 16
const H = AXIS_Y + 10
/** Every run is at least this wide (of 1000), however short: a 10-second run is still a bar you can see and click. */
const BAR_W = 16

/**
 * The 48 hours on one axis: the blocks, every run as a bar of its outcomes (fail at the bottom,
 * so fixes show as red shrinking) that links to that run's results in the evidence, waivers as
 * diamonds, and a "now" line whose label sits above the plot.
 */
export function SprintTimeline({ engagementId, status, runs }: { engagementId: string; status: SprintStatus; runs: RunInfo[] }) {
  const evidence = `#/engagements/${encodeURIComponent(engagementId)}/evidence`
  // the run's results: evidence recorded between its start and its end (still running: until now)
  const resultsOf = (r: { at: string; finishedAt: string | null }) => hashWithFilters(evidence, { ...noFilters, kind: 'check.result', from: r.at, to: r.finishedAt ?? new Date().toISOString() })
  const m = sprintTimeline(status, runs)
  const px = (x: number) => LEFT + x * (W - LEFT - RIGHT)
  const maxTotal = Math.max(1, ...m.runs.map((r) => r.total))
  // runs minutes apart would sit on top of each other: nudge each right of the one before
  const xs: number[] = []
  for (const r of m.runs) xs.push(Math.max(px(r.x), (xs.at(-1) ?? -Infinity) + BAR_W + 2))
  // worst first from the axis up: what is still broken sits where the eye lands
  const stack = ['fail', 'error', 'warn', 'skip', 'pass'] as const
  return (
    <section className="card span-2" aria-labelledby="h-timeline">
      <h2 id="h-timeline" className="card-title">
        Sprint timeline
      </h2>
      <svg className="chart sprint-timeline" viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby="h-timeline timeline-desc" data-testid="sprint-timeline">
        <desc id="timeline-desc">
          {`${m.runs.length} run${m.runs.length === 1 ? '' : 's'} during the sprint; ${m.waivers.length} waiver${m.waivers.length === 1 ? '' : 's'} granted.`}
        </desc>
        {m.blocks.map((b) => (
          <g key={b.id} className={`tl-band tl-band-${b.state}`}>
            <rect x={px(b.x0)} y={0} width={Math.max(0, px(b.x1) - px(b.x0) - 2)} height={BAND} rx={4} />
            <text x={px(b.x0) + 8} y={17} className="chart-label">
              {b.title}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={W - RIGHT} y1={PLOT_TOP + PLOT_H} y2={PLOT_TOP + PLOT_H} className="tl-axis" />
        {m.ticks.map((t) => (
          <text key={t.hour} x={px(t.x)} y={AXIS_Y} className="chart-label tl-tick" textAnchor={t.x === 0 ? 'start' : t.x >= 0.99 ? 'end' : 'middle'}>
            {t.hour === 0 ? 'start' : `+${t.hour} h`}
          </text>
        ))}
        {m.now !== null && (
          <g className="tl-now">
            <line x1={px(m.now)} x2={px(m.now)} y1={BAND + 4} y2={PLOT_TOP + PLOT_H} />
            <text x={px(m.now) + (m.now > 0.9 ? -4 : 4)} y={PLOT_TOP - 6} className="chart-label" textAnchor={m.now > 0.9 ? 'end' : 'start'}>
              now
            </text>
          </g>
        )}
        {m.runs.map((r, i) => {
          let y = PLOT_TOP + PLOT_H
          const said = `${fullDate(r.at)}: ${OUTCOMES.filter((o) => r.counts[o]).map((o) => `${r.counts[o]} ${o}`).join(', ') || 'no results'}${r.status === 'finished' ? '' : ` (${r.status})`}`
          return (
            <a key={r.id} href={resultsOf(r)} className="tl-run tl-run-link" data-run={r.id} aria-label={`Run of ${said}: open its results`}>
              <title>{said}</title>
              {/* the whole column is the link's target, not only its coloured part */}
              <rect x={Math.min(xs[i], W - RIGHT) - BAR_W / 2} y={PLOT_TOP} width={BAR_W} height={PLOT_H} fill="transparent" />
              {stack.map((o) => {
                const h = (r.counts[o] / maxTotal) * PLOT_H
                if (h <= 0) return null
                y -= h
                return <rect key={o} x={Math.min(xs[i], W - RIGHT) - BAR_W / 2} y={y} width={BAR_W} height={Math.max(h, 1)} className={`seg-${o}`} />
              })}
            </a>
          )
        })}
        {m.waivers.map((w) => (
          <path key={w.itemId} d={`M ${px(w.x)} ${PLOT_TOP + PLOT_H - 7} l 6 6 l -6 6 l -6 -6 z`} className="tl-waiver" transform="translate(0 1)">
            <title>{`Waived ${w.itemId} ${fullDate(w.at)}: ${w.reason}`}</title>
          </path>
        ))}
      </svg>
      <OutcomeLegend>
        <span>
          <i className="swatch tl-waiver" aria-hidden="true" /> waiver
        </span>
        {m.outside > 0 && <span className="muted">{`${m.outside} run${m.outside === 1 ? '' : 's'} outside the sprint not drawn`}</span>}
      </OutcomeLegend>
      {!m.runs.length && <p className="muted small">No run yet in this sprint: each run shows here as a bar of its outcomes.</p>}
    </section>
  )
}
