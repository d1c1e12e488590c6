import { histogram, p95Standing, type RouteLatency } from './pictures'

const W = 440
const H = 170
/** The top margin holds the p95 label, so it never sits on a bar. */
const PAD = { l: 34, r: 8, t: 30, b: 28 }
const STANDING = { under: 'well under the target', near: 'near the target', over: 'over the target', neutral: '' } as const

/**
 * A latency histogram of one route's samples, with its p95 and the pass threshold as lines. The
 * compared histograms share one x scale (`topMs`, the slowest sample of all), so their shapes
 * compare by eye. The p95 is green well under the target, amber near it, red over it.
 */
export function LatencyHistogram({ route, passMs, topMs }: { route: RouteLatency; passMs: number | null; topMs?: number }) {
  const h = histogram(route.samples, 12, topMs)
  const span = h.width * h.counts.length
  const xOf = (ms: number) => PAD.l + (Math.min(ms, span) / span) * (W - PAD.l - PAD.r)
  const bw = (W - PAD.l - PAD.r) / h.counts.length
  const yOf = (n: number) => H - PAD.b - (h.max ? (n / h.max) * (H - PAD.t - PAD.b) : 0)
  const path = route.url.replace(/^https?:\/\//, '')
  const standing = route.p95 === null ? 'neutral' : p95Standing(route.p95, passMs)
  return (
    <figure className="pic-fig" data-testid="latency-histogram" data-span={span} data-p95={standing}>
      <svg viewBox={`0 0 ${W} ${H}`} className="pic" role="img" aria-label={`Latency of ${path}: ${route.samples.length} samples, p95 ${route.p95 ?? '?'} ms${STANDING[standing] ? `, ${STANDING[standing]}` : ''}`}>
        {h.counts.map((c, i) => (
          <rect key={i} x={PAD.l + i * bw + 1} y={yOf(c)} width={Math.max(1, bw - 2)} height={H - PAD.b - yOf(c)} className="pic-bar">
            <title>{`${h.edges[i]}–${h.edges[i] + h.width} ms: ${c}`}</title>
          </rect>
        ))}
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} className="pic-axis" />
        <text x={PAD.l} y={H - 8} className="pic-tick">
          0
        </text>
        <text x={W - PAD.r} y={H - 8} className="pic-tick" textAnchor="end">
          {span} ms
        </text>
        <text x={PAD.l - 6} y={PAD.t + 8} className="pic-tick" textAnchor="end">
          {h.max}
        </text>
        {passMs !== null && passMs <= span && <line x1={xOf(passMs)} x2={xOf(passMs)} y1={PAD.t - 6} y2={H - PAD.b} className="pic-target" />}
        {route.p95 !== null && (
          <g className={`pic-p95-${standing}`}>
            <line x1={xOf(route.p95)} x2={xOf(route.p95)} y1={PAD.t - 6} y2={H - PAD.b} className="pic-p95" />
            <text
              x={xOf(route.p95) > W / 2 ? xOf(route.p95) - 4 : xOf(route.p95) + 4}
              y={PAD.t - 10}
              textAnchor={xOf(route.p95) > W / 2 ? 'end' : 'start'}
              className="pic-tick pic-p95-label"
            >
              p95 {route.p95} ms
            </text>
          </g>
        )}
      </svg>
      <figcaption className="small mono truncate">{path}</figcaption>
    </figure>
  )
}
