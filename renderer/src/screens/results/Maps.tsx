import type { DnsPath, RedirectPath } from './pictures'

const ROW = 44
const BOX_H = 30
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

function Box({ x, y, w, text, tone }: { x: number; y: number; w: number; text: string; tone: string }) {
  return (
    <g>
      <title>{text}</title>
      <rect x={x} y={y} width={w} height={BOX_H} rx={6} className={`pic-box pic-${tone}`} />
      <text x={x + 10} y={y + 20} className="pic-text">
        {cut(text, Math.floor(w / 7.4))}
      </text>
    </g>
  )
}

const link = (x1: number, x2: number, y: number) => <path d={`M${x1} ${y + BOX_H / 2} H${x2}`} className="pic-link" markerEnd="url(#pic-arrow)" />

function Arrow() {
  return (
    <defs>
      <marker id="pic-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0 0 L10 5 L0 10 z" className="pic-arrowhead" />
      </marker>
    </defs>
  )
}

/** Hosts → CNAME chain → addresses, one row per declared host; red where a host does not resolve. */
export function DnsMap({ paths }: { paths: DnsPath[] }) {
  const h = paths.length * ROW + 8
  const desc = paths.map((p) => `${p.host}${p.cnames.length ? ` via ${p.cnames.join(' → ')}` : ''} → ${p.addresses.join(', ') || 'no address'}`).join('; ')
  return (
    <svg viewBox={`0 0 960 ${h}`} className="pic" role="img" aria-label={`DNS map: ${desc}`}>
      <Arrow />
      {paths.map((p, i) => {
        const y = i * ROW + 4
        const tone = p.status === 'pass' ? 'ok' : p.status === 'warn' ? 'warn' : 'bad'
        return (
          <g key={p.host}>
            <Box x={0} y={y} w={250} text={p.host} tone={tone} />
            {link(250, 318, y)}
            <Box x={320} y={y} w={300} text={p.cnames.length ? p.cnames.join(' → ') : 'no CNAME (direct)'} tone={p.cnames.length ? 'mid' : 'plain'} />
            {link(620, 688, y)}
            <Box x={690} y={y} w={266} text={p.addresses.join(', ') || 'does not resolve'} tone={p.addresses.length ? 'plain' : 'bad'} />
          </g>
        )
      })}
    </svg>
  )
}

/** Entry URLs → number of redirects → final URL; the canonical origin is highlighted. */
export function RedirectMap({ paths, canonical }: { paths: RedirectPath[]; canonical: string | null }) {
  const h = paths.length * ROW + 8
  const desc = paths.map((p) => `${p.entry} → ${p.hops} hop(s) → ${p.final ?? p.problem ?? 'no answer'}`).join('; ')
  return (
    <svg viewBox={`0 0 960 ${h}`} className="pic" role="img" aria-label={`Redirect map: ${desc}`}>
      <Arrow />
      {paths.map((p, i) => {
        const y = i * ROW + 4
        const ok = !p.problem && p.final !== null
        const isCanon = ok && canonical !== null && p.final!.includes(canonical)
        return (
          <g key={p.entry}>
            <Box x={0} y={y} w={360} text={p.entry} tone="plain" />
            {link(360, 418, y)}
            <Box x={420} y={y} w={120} text={p.problem ? p.problem : `${p.hops} redirect${p.hops === 1 ? '' : 's'}`} tone={p.problem ? 'bad' : p.hops > 1 ? 'warn' : 'mid'} />
            {link(540, 598, y)}
            <Box x={600} y={y} w={356} text={p.final ? `${p.status ?? ''} ${p.final}` : 'no final page'} tone={isCanon ? 'ok' : ok ? 'warn' : 'bad'} />
          </g>
        )
      })}
    </svg>
  )
}
