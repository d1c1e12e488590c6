import type { Engagement } from '@shared/schemas/engagement'

/** The engagement page's "Check settings" card: configured DKIM selectors, key routes, private targets and repositories. */
export function CheckSettingsCard({ e }: { e: Engagement }) {
  return (
    <section className="card span-2" aria-labelledby="h-check-settings">
      <h2 id="h-check-settings" className="card-title">
        Check settings
      </h2>
      <dl className="facts">
        <dt>DKIM selectors</dt>
        <dd>{e.dkimSelectors.length ? <Values items={e.dkimSelectors} label="DKIM selectors" /> : <span className="muted">None: only common selectors are tried</span>}</dd>
        <dt>Key routes</dt>
        <dd>{e.routes.length ? <Values items={e.routes} label="Key routes" /> : <span className="muted">None: /, /login, /signup and /api/health are tried</span>}</dd>
        <dt>Private targets</dt>
        <dd>{e.privateTargets.length ? <Values items={e.privateTargets} label="Private targets" /> : <span className="muted">None: checks never connect to private addresses</span>}</dd>
        <dt>Repositories</dt>
        <dd>{e.repos?.length ? <Values items={e.repos} label="Repositories" /> : <span className="muted">None: secrets.repo skips</span>}</dd>
      </dl>
    </section>
  )
}

function Values({ items, label }: { items: string[]; label: string }) {
  return (
    <ul className="values" aria-label={label}>
      {items.map((x) => (
        <li key={x} className="mono">
          {x}
        </li>
      ))}
    </ul>
  )
}
