import { useActions } from '../hooks/useStore'
import { Icon } from './Icon'

/** A screen of an engagement that is not in this workspace (removed, or a stale link or history entry). */
export function MissingEngagement({ id }: { id: string }) {
  const { navigate } = useActions()
  return (
    <section className="empty" aria-labelledby="page-title">
      <div className="empty-icon" aria-hidden="true">
        <Icon name="briefcase" size={28} />
      </div>
      <h1 id="page-title">This engagement is not in this workspace</h1>
      <p className="muted">
        <span className="mono">{id}</span> was removed, or the link comes from another workspace. Its evidence went with it; an exported file can
        bring it back with Import.
      </p>
      <div className="empty-actions">
        <button type="button" className="btn btn-primary" onClick={() => navigate({ name: 'engagements' })}>
          Go to the engagements
        </button>
      </div>
    </section>
  )
}
