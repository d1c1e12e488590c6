import { useActions } from '../hooks/useStore'
import { Icon } from './Icon'
import { ImportButton } from './TransferButtons'

/** The first-run screen: says what an engagement is and how to make one. */
export function EmptyState() {
  const { openCreate } = useActions()
  return (
    <section className="empty" aria-labelledby="empty-title">
      <div className="empty-icon" aria-hidden="true">
        <Icon name="briefcase" size={28} />
      </div>
      <h2 id="empty-title">Create your first engagement</h2>
      <p className="muted">
        An engagement is one founder's product going through a 48-hour launch-ready sprint. Give it the client, the primary domain and the hosts
        they run — <span className="mono">www</span>, <span className="mono">app</span>, <span className="mono">api</span>,{' '}
        <span className="mono">admin</span>, <span className="mono">staging</span> — and every check will know where to look.
      </p>
      <div className="empty-actions">
        <button type="button" className="btn btn-primary" onClick={openCreate}>
          <Icon name="plus" /> New engagement
        </button>
        <span className="muted small">
          or press <kbd>N</kbd>
        </span>
        <ImportButton />
      </div>
      <p className="small muted cli-hint">
        From a terminal: <code>handover engagement add acme.example --hosts www,app,api</code>
      </p>
    </section>
  )
}
