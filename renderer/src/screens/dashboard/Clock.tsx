import type { BlockClock } from '@shared/schemas/sprint'
import { clockText } from '../../store/sprint'

/** The 48-hour clock: time left, the current block, and the four blocks as a timeline. */
export function Clock({ msLeft, blocks, finished }: { msLeft: number; blocks: BlockClock[]; finished: boolean }) {
  const current = blocks.find((b) => b.state === 'current')
  return (
    <section className="card" aria-labelledby="h-clock">
      <h2 id="h-clock" className="card-title">
        48-hour clock
      </h2>
      <p className="clock-big">{finished ? 'Sprint finished' : clockText(msLeft)}</p>
      <p className="small muted">{current ? `Now: ${current.title}` : finished || msLeft <= 0 ? 'All blocks are behind you.' : 'The first block has not started.'}</p>
      <ol className="timeline" aria-label="Blocks">
        {blocks.map((b) => (
          <li key={b.id} className={`tl tl-${b.state}`} aria-current={b.state === 'current' ? 'step' : undefined}>
            <span className="tl-bar" aria-hidden="true" />
            <span className="small">{b.title}</span>
            <span className="small muted">{b.state === 'done' ? 'done' : b.state === 'current' ? 'now' : 'next'}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
