/** Progress per stage as labelled bars (done of total). */
export function StageBars({ stages }: { stages: { id: string; title: string; done: number; total: number }[] }) {
  return (
    <section className="card" aria-labelledby="h-stages">
      <h2 id="h-stages" className="card-title">
        Progress by stage
      </h2>
      <ul className="bars">
        {stages.map((s) => (
          <li key={s.id}>
            <span className="bar-label" id={`stage-${s.id}`}>
              {s.title}
            </span>
            <progress max={s.total || 1} value={s.done} aria-labelledby={`stage-${s.id}`} />
            <span className="small muted">
              {s.done}/{s.total}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
